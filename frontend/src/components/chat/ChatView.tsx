import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useChat } from '../../context/chat/ChatContext.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { Composer } from './Composer.tsx';
import { ConversationList } from './ConversationList.tsx';
import { MessageList } from './MessageList.tsx';

export function ChatView() {
  const { connection, notice, dismissNotice, canChat } = useChat();
  const { user } = useAuth();
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
    <div className="chat">
      <ConversationList />
      <section className="chat__main" aria-label="Conversation">
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
