import type { View } from '../../hooks/useHashRoute.ts';
import { usePendingAgentActions } from '../agents/AgentRunsContext.tsx';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Props {
  view: View;
  onNavigate: (v: View) => void;
  /** Chat actions waiting for approval in the open conversation. */
  chatPending: number;
}

/**
 * On every view but the one holding them: a banner, announced politely, while chat or agent actions wait for the
 * person's approval, with the way there. Approvals are never made from here: only from their cards.
 */
export function ApprovalNotice({ view, onNavigate, chatPending }: Props) {
  const agents = usePendingAgentActions();
  const chat = view !== 'chat' ? chatPending : 0;
  const agentsShown = view !== 'agents' ? agents : 0;
  const parts = [
    chat > 0 && `${count(chat, 'action', 'actions')} in Chat`,
    agentsShown > 0 && count(agentsShown, 'agent action', 'agent actions'),
  ].filter(Boolean);
  return (
    <div className="approval-notice-region" role="status" aria-live="polite">
      {parts.length > 0 && (
        <div className="banner banner--info approval-notice" data-testid="approval-notice">
          <span>
            {parts.join(' and ')} {chat + agentsShown === 1 ? 'waits' : 'wait'} for your approval.
          </span>
          <span className="approval-notice__actions">
            {chat > 0 && (
              <button type="button" className="btn btn--sm btn--primary" onClick={() => onNavigate('chat')}>
                Review in Chat
              </button>
            )}
            {agentsShown > 0 && (
              <button type="button" className="btn btn--sm btn--ghost" onClick={() => onNavigate('agents')}>
                Review in Agents
              </button>
            )}
          </span>
        </div>
      )}
    </div>
  );
}
