import type { AgentRunSummary, PendingAction } from '@pagi/contracts';
import { useState } from 'react';
import { formatTime } from '../../lib/format.ts';
import { errorText } from '../../services/http.ts';
import { QueryArgRows, ToolArgRows } from '../common/ActionArgs.tsx';
import { Icon } from '../common/Icon.tsx';
import { VisibleText } from '../common/VisibleText.tsx';
import { shortRun } from './labels.ts';

type Decision = 'approve' | 'deny';
type Phase = 'pending' | 'approving' | 'denying' | 'approved' | 'denied';

const PHASE_TEXT: Record<Phase, string> = {
  pending: 'Waiting for your approval',
  approving: 'Approving…',
  denying: 'Denying…',
  approved: 'Approved — the agent carries on',
  denied: 'Denied — nothing was run',
};

interface Props {
  action: PendingAction;
  run: AgentRunSummary;
  /** Whether this person may decide (their role allows chat actions). */
  canDecide: boolean;
  onDecide: (run: AgentRunSummary, actionId: string, decision: Decision) => Promise<void>;
}

/**
 * An action an agent proposed, exactly as it would run (tool and argv, or query and domains), tagged with the agent's
 * template and run; Approve runs it and the run goes on, Deny tells the agent no. A refusal is shown on the card.
 */
export function AgentApprovalCard({ action, run, canDecide, onDecide }: Props) {
  const [phase, setPhase] = useState<Phase>('pending');
  const [error, setError] = useState<string | null>(null);
  const args = action.args;
  const isTool = 'tool_name' in args;
  const busy = phase === 'approving' || phase === 'denying';
  const headingId = `agent-action-${action.action_id}`;

  const decide = async (decision: Decision) => {
    setPhase(decision === 'approve' ? 'approving' : 'denying');
    setError(null);
    try {
      await onDecide(run, action.action_id, decision);
      setPhase(decision === 'approve' ? 'approved' : 'denied');
    } catch (err) {
      setPhase('pending');
      setError(`Not ${decision === 'approve' ? 'approved' : 'denied'}: ${errorText(err)}`);
    }
  };

  return (
    <section
      className={`approval agent-approval approval--${phase === 'approved' ? 'executed' : phase}`}
      aria-labelledby={headingId}
      data-testid="agent-approval-card"
      data-action-id={action.action_id}
      data-phase={phase}
    >
      <header className="approval__head">
        <span className="approval__icon" aria-hidden="true">
          <Icon name={isTool ? 'tool' : 'search'} size={16} />
        </span>
        <h3 id={headingId} className="approval__title">
          {isTool ? 'Run a tool' : 'Search memory'}
        </h3>
        <span className="approval__phase" data-testid="agent-approval-phase">
          {busy && <span className="spinner spinner--sm" aria-hidden="true" />}
          {PHASE_TEXT[phase]}
        </span>
      </header>
      <p className="agent-approval__who small" data-testid="agent-approval-who">
        Proposed by agent <strong>{run.template}</strong> · run <code>{shortRun(run.run_id)}</code>
      </p>

      {isTool ? (
        <dl className="approval__args">
          <dt>Command</dt>
          <dd>
            <code className="agent-approval__command" data-testid="agent-approval-command">
              <VisibleText text={[args.tool_name, ...args.args].join(' ')} />
            </code>
          </dd>
          <ToolArgRows args={args} />
        </dl>
      ) : (
        <dl className="approval__args">
          <QueryArgRows args={args} queryTestId="agent-approval-query" />
        </dl>
      )}

      {canDecide && (phase === 'pending' || busy) && (
        <div className="approval__buttons">
          <button
            type="button"
            className="btn btn--primary"
            data-testid="agent-approve"
            disabled={busy}
            onClick={() => void decide('approve')}
          >
            <Icon name="check" size={16} /> Approve
          </button>
          <button
            type="button"
            className="btn btn--danger"
            data-testid="agent-deny"
            disabled={busy}
            onClick={() => void decide('deny')}
          >
            <Icon name="x" size={16} /> Deny
          </button>
          <span className="muted small">Expires {formatTime(action.expires_at)}</span>
        </div>
      )}
      {!canDecide && <p className="muted small">Your role cannot approve or deny agent actions.</p>}
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
