import { useMemo } from 'react';
import { useChat } from '../../context/chat/ChatContext.tsx';

/** The ids of the open conversation's actions that still wait for the person's approval. */
export function usePendingChatActions(): string[] {
  const { entries } = useChat();
  return useMemo(
    () =>
      entries.flatMap((e) =>
        e.kind === 'assistant' ? e.actions.filter((a) => a.phase === 'pending').map((a) => a.action.action_id) : [],
      ),
    [entries],
  );
}
