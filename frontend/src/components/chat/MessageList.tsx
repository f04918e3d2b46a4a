import { useEffect, useRef } from 'react';
import { useChat } from '../../context/chat/ChatContext.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { AssistantMessage } from './AssistantMessage.tsx';
import { UserMessage } from './UserMessage.tsx';

const SUGGESTIONS = ['What can you do?', 'Search my memory for security policies', 'Run echo hello from the twin'];

/**
 * The conversation. The last message can be edited and sent again, and the last answer regenerated (the same
 * message asked again), once nothing is being answered and the connection is up.
 */
export function MessageList() {
  const { entries, send, connection, answering } = useChat();
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

  const idle = !answering && connection === 'open';
  const lastUser = entries.findLastIndex((e) => e.kind === 'user');
  const lastAnswer = entries.findLastIndex((e) => e.kind === 'assistant');
  const asked = entries[lastUser];
  const answer = entries[lastAnswer];
  // A turn whose card still waits is settled on the card, not asked again.
  const waiting = answer?.kind === 'assistant' && answer.actions.some((a) => a.phase === 'pending');
  const regenerate =
    idle && !waiting && asked?.kind === 'user' && lastAnswer > lastUser ? () => send(asked.text) : undefined;
  return (
    <div ref={log} className="messages" role="log" aria-live="polite" aria-label="Messages" data-testid="messages">
      {entries.map((e, i) =>
        e.kind === 'user' ? (
          <UserMessage key={e.id} entry={e} onResend={idle && i === lastUser ? send : undefined} />
        ) : (
          <AssistantMessage key={e.id} turn={e} onRegenerate={i === lastAnswer ? regenerate : undefined} />
        ),
      )}
    </div>
  );
}
