/** On the Chat navigation item: how many of the conversation's actions wait for the person's approval. */
export function ChatNavBadge({ pending }: { pending: number }) {
  if (pending === 0) return null;
  return (
    <span className="nav__badge" data-testid="chat-pending-badge" title={`${pending} waiting for approval`}>
      {pending}
      <span className="sr-only"> {pending === 1 ? 'action waits' : 'actions wait'} for approval</span>
    </span>
  );
}
