import { formatDateTime } from '../../../lib/format.ts';

/** A moment of the exchange (epoch milliseconds) as a readable, machine-readable time. */
export function When({ ms }: { ms: number }) {
  const iso = new Date(ms).toISOString();
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}
