import type { AgentRunSummary } from '@pagi/contracts';
import { useMemo } from 'react';
import { StateMessage } from '../common/StateMessage.tsx';
import { RunTreeNode } from './RunTreeNode.tsx';
import { buildRunTree } from './runTree.ts';

interface Props {
  runs: readonly AgentRunSummary[];
  selected: string | null;
  onSelect: (runId: string) => void;
}

/** Every run of the person as a tree: sub-agents indented under the run that started them, newest goal first. */
export function RunTree({ runs, selected, onSelect }: Props) {
  const roots = useMemo(() => buildRunTree(runs), [runs]);
  if (roots.length === 0) {
    return (
      <StateMessage
        kind="empty"
        compact
        title="No runs yet"
        detail="Start a run above: the agent works through its goal step by step and asks before it acts."
      />
    );
  }
  return (
    <ul className="run-tree" data-testid="run-tree" aria-label="Agent runs">
      {roots.map((node) => (
        <RunTreeNode key={node.run.run_id} node={node} level={0} selected={selected} onSelect={onSelect} />
      ))}
    </ul>
  );
}
