import { useChat } from '../../context/chat/ChatContext.tsx';
import type { View } from '../../hooks/useHashRoute.ts';
import { usePendingAgentActions } from '../agents/AgentRunsContext.tsx';
import type { PendingChat } from './usePendingChatActions.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Props {
  view: View;
  onNavigate: (v: View) => void;
  /** Chat actions waiting for approval, in the open conversation and in others. */
  chatPending: PendingChat;
}

/**
 * On every view but the one holding them: a banner, announced politely, while chat or agent actions wait for the
 * person's approval, with the way there. Approvals are never made from here: only from their cards.
 */
export function ApprovalNotice({ view, onNavigate, chatPending }: Props) {
  const agents = usePendingAgentActions();
  const { selectSession } = useChat();
  const chat = view !== 'chat' ? chatPending.total : 0;
  // The open conversation's cards first; else the most recent other conversation with one.
  const reviewChat = () => {
    const other = chatPending.elsewhere[0];
    if (chatPending.here === 0 && other) selectSession(other.sessionId);
    onNavigate('chat');
  };
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
              <button type="button" className="btn btn--sm btn--primary" onClick={reviewChat}>
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
