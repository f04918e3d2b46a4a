/** When a message was written: the time of day, with the full date on hover. */
export function MessageTime({ at }: { at?: number }) {
  if (!at) return null;
  const d = new Date(at);
  return (
    <time className="msg__time" dateTime={d.toISOString()} title={d.toLocaleString()} data-testid="msg-time">
      {d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false })}
    </time>
  );
}
