import { useState } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useChat } from '../../context/chat/ChatContext.tsx';
import { Icon } from '../common/Icon.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { Composer } from './Composer.tsx';
import { ConversationList } from './ConversationList.tsx';
import { MessageList } from './MessageList.tsx';
import './chat.css';

export function ChatView() {
  const { connection, notice, dismissNotice, canChat, conversations, sessionId } = useChat();
  const { user } = useAuth();
  // Narrow screens fold the conversation list away; the toggle shows it over the conversation.
  const [listOpen, setListOpen] = useState(false);
  const current = conversations.find((c) => c.sessionId === sessionId);
  if (!canChat) {
    return (
      <div className="chat-readonly" data-testid="chat-readonly">
        <StateMessage
          kind="empty"
          title="Chat is not part of your role"
          detail={`The ${user?.role ?? 'current'} role can read the hub, the atlas, telemetry and media. Ask an admin for the operator role to chat with the twin.`}
        />
      </div>
    );
  }
  return (
    <div className={`chat${listOpen ? ' chat--list-open' : ''}`}>
      <ConversationList open={listOpen} onChosen={() => setListOpen(false)} />
      <section className="chat__main" aria-label="Conversation">
        <div className="chat__bar">
          <button
            type="button"
            className="btn btn--ghost btn--sm chat__list-toggle"
            aria-expanded={listOpen}
            aria-controls="conversation-panel"
            onClick={() => setListOpen(!listOpen)}
            data-testid="conversations-toggle"
          >
            <Icon name="panel" size={16} /> {listOpen ? 'Hide conversations' : 'Conversations'}
          </button>
          <span className="chat__title" data-testid="conversation-title">
            {current?.title ?? 'New conversation'}
          </span>
        </div>
        {connection === 'offline' && (
          <div className="banner banner--warn" role="status" data-testid="offline-banner">
            You are offline. Reconnecting to the gateway… Messages can be sent again once the connection is back.
          </div>
        )}
        {notice && (
          <div className="banner banner--error" role="alert">
            <span>{notice}</span>
            <button type="button" className="btn btn--ghost btn--sm" onClick={dismissNotice}>
              Dismiss
            </button>
          </div>
        )}
        <MessageList />
        <Composer />
      </section>
    </div>
  );
}
