// Files whose ingestion failed for a passing reason (the memory service is down or slow) wait before their next
// try, twice as long each time, up to a ceiling.

const FIRST_MS = 1000;
const MAX_MS = 30_000;

export class Backoff {
  private readonly failures = new Map<string, number>();
  private readonly notBefore = new Map<string, number>();

  /** Counts one more passing failure of `id`; returns how long it waits before its next try. */
  failed(id: string): number {
    const attempts = (this.failures.get(id) ?? 0) + 1;
    this.failures.set(id, attempts);
    const delay = Math.min(MAX_MS, (FIRST_MS / 2) * 2 ** attempts);
    this.notBefore.set(id, Date.now() + delay);
    return delay;
  }

  /** Milliseconds before `id` may run again (0: now). */
  waitOf(id: string, now: number): number {
    return Math.max(0, (this.notBefore.get(id) ?? 0) - now);
  }

  /** The file is being tried now (or was asked for by a person): no more waiting. */
  release(id: string): void {
    this.notBefore.delete(id);
  }

  /** The file got through (or failed for good): its count starts over. */
  reset(id: string): void {
    this.failures.delete(id);
    this.notBefore.delete(id);
  }
}
