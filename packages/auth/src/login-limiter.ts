/**
 * Failed sign-ins counted per account and per address in a sliding window: past the limit, further attempts are
 * refused without checking the password until the window has room again.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly windowMs: number;
  private readonly perAccount: number;
  private readonly perAddress: number;

  constructor(opts: { windowMs: number; perAccount: number; perAddress: number }) {
    this.windowMs = opts.windowMs;
    this.perAccount = opts.perAccount;
    this.perAddress = opts.perAddress;
  }

  /** Milliseconds until an attempt for this account from this address may be made (0: now). */
  waitMs(account: string, address: string, now: number): number {
    return Math.max(
      this.wait(`a:${account.toLowerCase()}`, this.perAccount, now),
      this.wait(`i:${address}`, this.perAddress, now),
    );
  }

  failed(account: string, address: string, now: number): void {
    for (const key of [`a:${account.toLowerCase()}`, `i:${address}`]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    // Bounded memory: forget the oldest keys when many addresses fail at once.
    if (this.failures.size > 50_000) {
      for (const key of [...this.failures.keys()].slice(0, 10_000)) this.failures.delete(key);
    }
  }

  succeeded(account: string): void {
    this.failures.delete(`a:${account.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private wait(key: string, limit: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < limit) return 0;
    return (list[list.length - limit] as number) + this.windowMs - now;
  }
}
