import { useEffect, useRef } from 'react';
import { useChat } from '../../context/chat/ChatContext.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { AssistantMessage } from './AssistantMessage.tsx';

const SUGGESTIONS = ['What can you do?', 'Search my memory for security policies', 'Run echo hello from the twin'];

export function MessageList() {
  const { entries, send, connection } = useChat();
  const log = useRef<HTMLDivElement>(null);
  const last = entries[entries.length - 1];
  const lastSize = last?.kind === 'assistant' ? last.text.length + last.followUp.length + last.actions.length : 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the conversation as it grows
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries.length, lastSize]);

  if (entries.length === 0) {
    return (
      <div className="messages messages--empty">
        <StateMessage
          kind="empty"
          title="Start a conversation"
          detail="Your twin asks before it searches memory or runs a tool."
        />
        <div className="suggestions">
          {SUGGESTIONS.map((s) => (
            <button key={s} type="button" className="chip" disabled={connection !== 'open'} onClick={() => send(s)}>
              {s}
            </button>
          ))}
        </div>
      </div>
    );
  }

  return (
    <div ref={log} className="messages" role="log" aria-live="polite" aria-label="Messages" data-testid="messages">
      {entries.map((e) =>
        e.kind === 'user' ? (
          <article key={e.id} className="msg msg--user" data-testid="user-message">
            <p>{e.text}</p>
          </article>
        ) : (
          <AssistantMessage key={e.id} turn={e} />
        ),
      )}
    </div>
  );
}
