import { CodedError } from '@pagi/contracts';
import { Cron } from 'croner';

// A schedule's cron expression (5 fields, or 6 with seconds) read in its IANA time zone, by croner. Nothing here
// runs a timer: the scheduler asks when the next firing is, with its own clock.

/** Throws invalid_request with the reason when the expression or the time zone is not valid. */
export function checkSchedule(cron: string, timezone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new CodedError(
      'invalid_request',
      `"${timezone}" is not a time zone (use an IANA name such as Europe/Paris or UTC)`,
    );
  }
  let job: Cron;
  try {
    job = new Cron(cron, { timezone, paused: true });
  } catch (err) {
    throw new CodedError('invalid_request', `"${cron}" is not a cron expression: ${(err as Error).message}`);
  }
  if (!job.nextRun(new Date(0))) throw new CodedError('invalid_request', `"${cron}" never fires`);
}

/** The first firing strictly after `after`, or null when there is none. */
export function nextFire(cron: string, timezone: string, after: Date): Date | null {
  return new Cron(cron, { timezone, paused: true }).nextRun(after);
}

/** Firings in (from, to], at most `limit` of them (enough to count what was missed while the twin was down). */
export function firesBetween(cron: string, timezone: string, from: Date, to: Date, limit = 1000): Date[] {
  const job = new Cron(cron, { timezone, paused: true });
  const out: Date[] = [];
  let at: Date | null = from;
  while (out.length < limit) {
    at = job.nextRun(at);
    if (!at || at > to) break;
    out.push(at);
  }
  return out;
}
