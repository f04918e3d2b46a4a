import { useChat } from '../../context/chat/ChatContext.tsx';
import type { ActionEntry, ApprovalPhase } from '../../context/chat/chatModel.ts';
import { formatTime } from '../../lib/format.ts';
import { DomainBadge } from '../common/DomainBadge.tsx';
import { Icon } from '../common/Icon.tsx';
import { VisibleText } from '../common/VisibleText.tsx';
import { ActionResultView } from './ActionResultView.tsx';

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

/** Shows exactly what will run (tool and argv, or query, domains and whether peers are asked) and lets the person decide. */
export function ApprovalCard({ entry }: { entry: ActionEntry }) {
  const { decide, canChat } = useChat();
  const { action, phase, result, error } = entry;
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
          <dt>Arguments</dt>
          <dd>
            {args.args.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              <ol className="argv" data-testid="approval-argv">
                {args.args.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: argv positions are the identity
                  <li key={i}>
                    <code>
                      <VisibleText text={a} />
                    </code>
                  </li>
                ))}
              </ol>
            )}
          </dd>
          {args.reason && (
            <>
              <dt>Why</dt>
              <dd>
                <VisibleText text={args.reason} />
              </dd>
            </>
          )}
        </dl>
      ) : (
        <dl className="approval__args">
          <dt>Query</dt>
          <dd>
            <code data-testid="approval-query">
              <VisibleText text={args.query} />
            </code>
          </dd>
          <dt>Domains</dt>
          <dd className="approval__domains">
            {args.domains.length === 0 ? (
              <span className="muted">all domains</span>
            ) : (
              args.domains.map((d) => <DomainBadge key={d} domain={d} />)
            )}
          </dd>
          <dt>Results</dt>
          <dd>up to {args.top_k}</dd>
          {args.scope === 'fleet' && (
            <>
              <dt>Peers</dt>
              <dd data-testid="approval-fleet">
                Also asks the mesh's online peers; each answers only from what it shares with this twin
              </dd>
            </>
          )}
        </dl>
      )}

      {canChat && (phase === 'pending' || busy) && (
        <div className="approval__buttons">
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy}
            onClick={() => decide(action.action_id, 'approve')}
          >
            <Icon name="check" size={16} /> Approve
          </button>
          <button
            type="button"
            className="btn btn--danger"
            disabled={busy}
            onClick={() => decide(action.action_id, 'deny')}
          >
            <Icon name="x" size={16} /> Deny
          </button>
          <span className="muted small">Expires {formatTime(action.expires_at)}</span>
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
