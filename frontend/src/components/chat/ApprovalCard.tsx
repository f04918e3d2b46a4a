import { useChat } from '../../context/chat/ChatContext.tsx';
import type { ActionEntry, ApprovalPhase } from '../../context/chat/chatModel.ts';
import { formatDuration, formatTime } from '../../lib/format.ts';
import { QueryArgRows, ToolArgRows } from '../common/ActionArgs.tsx';
import { Icon } from '../common/Icon.tsx';
import { VisibleText } from '../common/VisibleText.tsx';
import { ActionResultView } from './ActionResultView.tsx';
import { useCountdown } from './useCountdown.ts';

/** Under this much time left the countdown is shown as urgent. */
const URGENT_MS = 60_000;

const PHASE_TEXT: Record<ApprovalPhase, string> = {
  pending: 'Waiting for your approval',
  approving: 'Approved — running…',
  denying: 'Denying…',
  executed: 'Approved and run',
  failed: 'Approved — the run failed',
  denied: 'Denied — nothing was run',
  expired: 'Expired — nothing was run',
  refused: 'Not run',
};

/**
 * Shows exactly what will run (tool and argv, or query, domains and whether peers are asked) and lets the person
 * decide, with the time left to do so counting down; once decided, focus goes back to the message box.
 */
export function ApprovalCard({ entry }: { entry: ActionEntry }) {
  const { decide, canChat, focusComposer } = useChat();
  const { action, result, error } = entry;
  const left = useCountdown(action.expires_at, entry.phase === 'pending');
  // Past its expiry a card can no longer be approved: it says so without waiting for the server.
  const phase: ApprovalPhase = entry.phase === 'pending' && left === 0 ? 'expired' : entry.phase;
  const choose = (decision: 'approve' | 'deny') => {
    decide(action.action_id, decision);
    focusComposer();
  };
  const args = action.args;
  const isTool = 'tool_name' in args;
  const busy = phase === 'approving' || phase === 'denying';
  const headingId = `action-${action.action_id}`;

  return (
    <section
      className={`approval approval--${phase}`}
      aria-labelledby={headingId}
      data-testid="approval-card"
      data-phase={phase}
      data-action-id={action.action_id}
    >
      <header className="approval__head">
        <span className="approval__icon" aria-hidden="true">
          <Icon name={isTool ? 'tool' : 'search'} size={16} />
        </span>
        <h3 id={headingId} className="approval__title">
          {isTool ? 'Run a tool' : 'Search memory'}
        </h3>
        <span className={`approval__phase phase--${phase}`} data-testid="approval-phase">
          {busy && <span className="spinner spinner--sm" aria-hidden="true" />}
          {PHASE_TEXT[phase]}
        </span>
      </header>

      {isTool ? (
        <dl className="approval__args">
          <dt>Tool</dt>
          <dd>
            <code data-testid="approval-tool">
              <VisibleText text={args.tool_name} />
            </code>
          </dd>
          <ToolArgRows args={args} argvTestId="approval-argv" />
        </dl>
      ) : (
        <dl className="approval__args">
          <QueryArgRows args={args} queryTestId="approval-query" />
        </dl>
      )}

      {canChat && (phase === 'pending' || busy) && (
        <div className="approval__buttons">
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => choose('approve')}>
            <Icon name="check" size={16} /> Approve
          </button>
          <button type="button" className="btn btn--danger" disabled={busy} onClick={() => choose('deny')}>
            <Icon name="x" size={16} /> Deny
          </button>
          {phase === 'pending' && Number.isFinite(left) && (
            <span
              className={`approval__expiry muted small${left < URGENT_MS ? ' approval__expiry--urgent' : ''}`}
              title={`Expires at ${formatTime(action.expires_at)}`}
              data-testid="approval-countdown"
            >
              Expires in {formatDuration(left)}
            </span>
          )}
        </div>
      )}
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <ActionResultView result={result} actionId={action.action_id} namespace={isTool ? undefined : args.namespace} />
      )}
    </section>
  );
}
