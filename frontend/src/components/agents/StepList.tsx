import type { AgentStep } from '@pagi/contracts';
import { StateMessage } from '../common/StateMessage.tsx';
import { StepItem } from './StepItem.tsx';

interface Props {
  steps: readonly AgentStep[];
  runId: string;
  onSelectRun?: (runId: string) => void;
}

/** A run's steps in the order they happened (by sequence number, whatever order they arrived in). */
export function StepList({ steps, runId, onSelectRun }: Props) {
  if (steps.length === 0) {
    return <StateMessage kind="empty" compact title="No steps yet" detail="The agent is planning its first step." />;
  }
  const ordered = [...steps].sort((a, b) => a.seq - b.seq);
  return (
    <ol className="steps" data-testid="run-steps" aria-label="Steps">
      {ordered.map((step) => (
        <StepItem key={step.seq} step={step} runId={runId} onSelectRun={onSelectRun} />
      ))}
    </ol>
  );
}
