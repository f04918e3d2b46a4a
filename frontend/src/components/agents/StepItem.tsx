import type { AgentStep } from '@pagi/contracts';
import { formatTime } from '../../lib/format.ts';
import { VisibleText } from '../common/VisibleText.tsx';
import { InlineCode } from './InlineCode.tsx';
import { KIND_TEXT, shortRun } from './labels.ts';
import { StepResult } from './StepResult.tsx';

/** What a decision asks for, as one line: the exact command, the query, or the sub-agent and its goal. */
function decisionLine(step: AgentStep): string | null {
  const d = step.decision;
  if (!d) return null;
  if (d.action === 'execute_tool') return [d.tool_name, ...d.args].join(' ');
  if (d.action === 'query_memory') return `search memory: ${d.query}`;
  if (d.action === 'spawn') return `${d.template}: ${d.goal}`;
  return null;
}

interface Props {
  step: AgentStep;
  runId: string;
  onSelectRun?: (runId: string) => void;
}

/** One stored step of a run: its kind, what happened, when, and for an observation what came back. */
export function StepItem({ step, runId, onSelectRun }: Props) {
  const line = step.kind === 'action' || step.kind === 'spawn' ? decisionLine(step) : null;
  return (
    <li className={`step step--${step.kind}`} data-testid="run-step" data-kind={step.kind} data-seq={step.seq}>
      <div className="step__head">
        <span className="step__seq muted small">{step.seq}</span>
        <span className={`step__kind step__kind--${step.kind}`}>{KIND_TEXT[step.kind]}</span>
        <time className="step__time muted small" dateTime={step.at}>
          {formatTime(step.at)}
        </time>
      </div>
      <p className="step__text" data-testid="step-text">
        <InlineCode text={step.text} />
      </p>
      {line && (
        <code className="step__command">
          <VisibleText text={line} />
        </code>
      )}
      {step.child_run_id && onSelectRun && (
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => onSelectRun(step.child_run_id!)}>
          Open sub-agent run {shortRun(step.child_run_id)}
        </button>
      )}
      {step.result && <StepResult result={step.result} anchor={`${runId}-${step.seq}`} />}
    </li>
  );
}
