import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';

/** Time left as a person reads it: the two largest units ("2 d 3 h", "4 min 05 s", "12 s"). */
export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, '0')} s`;
  return `${sec} s`;
}

/** The time until a proposal's voting deadline, ticking every second. */
export function Countdown({ deadlineMs }: { deadlineMs: number }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = deadlineMs - now;
  return (
    <time
      className="countdown"
      dateTime={new Date(deadlineMs).toISOString()}
      title={`Voting closes ${formatDateTime(new Date(deadlineMs).toISOString())}`}
      data-testid="countdown"
    >
      {left > 0 ? `closes in ${formatLeft(left)}` : 'voting closed, waiting for the decision'}
    </time>
  );
}
