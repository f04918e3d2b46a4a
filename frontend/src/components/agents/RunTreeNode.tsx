import { InlineCode } from './InlineCode.tsx';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import type { RunNode } from './runTree.ts';

interface Props {
  node: RunNode;
  level: number;
  selected: string | null;
  onSelect: (runId: string) => void;
}

/** One run of the tree (template, goal, status, steps, why it waits or ended) with its sub-agents under it. */
export function RunTreeNode({ node, level, selected, onSelect }: Props) {
  const { run, children } = node;
  const isSelected = run.run_id === selected;
  const pending = run.pending_action_ids.length;
  return (
    <li className="run-tree__item" data-testid={`run-${run.run_id}`} data-status={run.status} data-level={level}>
      <button
        type="button"
        className={`run-row${isSelected ? ' is-selected' : ''}`}
        aria-current={isSelected ? 'true' : undefined}
        onClick={() => onSelect(run.run_id)}
      >
        <span className="run-row__head">
          <strong className="run-row__template">{run.template}</strong>
          <RunStatusBadge status={run.status} />
          {pending > 0 && (
            <span className="pill pill--warn" data-testid="run-pending">
              {pending} to approve
            </span>
          )}
          <span className="run-row__steps muted small" data-testid="run-steps-used">
            {run.steps_used} / {run.max_steps} steps
          </span>
        </span>
        <span className="run-row__goal">{run.goal}</span>
        {run.reason && (
          <span className="run-row__reason muted small">
            <InlineCode text={run.reason} />
          </span>
        )}
      </button>
      {children.length > 0 && (
        <ul className="run-tree__children" aria-label={`Sub-agents of ${run.template}`}>
          {children.map((child) => (
            <RunTreeNode
              key={child.run.run_id}
              node={child}
              level={level + 1}
              selected={selected}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
