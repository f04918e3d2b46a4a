import { useChat } from '../../context/chat/ChatContext.tsx';
import { formatRelative } from '../../lib/format.ts';
import { Icon } from '../common/Icon.tsx';

export function ConversationList() {
  const { conversations, sessionId, selectSession, newConversation, conversationsError } = useChat();
  return (
    <aside className="convos" aria-label="Conversations">
      <div className="convos__head">
        <h2 className="section-title">Conversations</h2>
        <button type="button" className="btn btn--ghost btn--sm" onClick={newConversation}>
          <Icon name="plus" size={16} /> New
        </button>
      </div>
      {conversationsError && (
        <p className="convos__error" role="status">
          History unavailable: {conversationsError}
        </p>
      )}
      <ul className="convos__list" data-testid="conversation-list">
        {conversations.map((c) => (
          <li key={c.sessionId}>
            <button
              type="button"
              className={`convo${c.sessionId === sessionId ? ' is-active' : ''}`}
              aria-current={c.sessionId === sessionId ? 'true' : undefined}
              onClick={() => selectSession(c.sessionId)}
            >
              <span className="convo__title">{c.title}</span>
              <span className="convo__meta">
                {c.turns} {c.turns === 1 ? 'turn' : 'turns'} · {formatRelative(c.lastActivity)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
