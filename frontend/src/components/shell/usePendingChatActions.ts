import { useMemo } from 'react';
import { useChat } from '../../context/chat/ChatContext.tsx';

export interface PendingChat {
  /** Actions of the open conversation still waiting for the person's approval (live, from its cards). */
  here: number;
  /** Other conversations with actions waiting, most recent first (as the server last listed them). */
  elsewhere: { sessionId: string; pending: number }[];
  total: number;
}

/** Every chat action waiting for the person's approval: in the open conversation and in the others. */
export function usePendingChatActions(): PendingChat {
  const { entries, conversations, sessionId } = useChat();
  return useMemo(() => {
    const here = entries.reduce(
      (n, e) => n + (e.kind === 'assistant' ? e.actions.filter((a) => a.phase === 'pending').length : 0),
      0,
    );
    const elsewhere = conversations
      .filter((c) => c.sessionId !== sessionId && c.pending > 0)
      .map((c) => ({ sessionId: c.sessionId, pending: c.pending }));
    return { here, elsewhere, total: here + elsewhere.reduce((n, c) => n + c.pending, 0) };
  }, [entries, conversations, sessionId]);
}
