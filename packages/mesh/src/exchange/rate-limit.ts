/**
 * Per-peer token buckets: `requests` per `windowMs` and `bytes` per `windowMs`, refilled continuously. A peer over
 * either is refused until its bucket refills; other peers are not affected.
 */
export class PeerRateLimit {
  private readonly buckets = new Map<string, { requests: number; bytes: number; at: number }>();
  private readonly limits: { requests: number; bytes: number; windowMs: number };
  private readonly now: () => number;

  constructor(limits: { requests: number; bytes: number; windowMs: number }, now: () => number = Date.now) {
    this.limits = limits;
    this.now = now;
  }

  /** Takes one request of `bytes` from the peer's budget; false (and nothing taken) when it has not enough left. */
  take(peer: string, bytes: number): boolean {
    const { requests, bytes: maxBytes, windowMs } = this.limits;
    const now = this.now();
    const b = this.buckets.get(peer) ?? { requests, bytes: maxBytes, at: now };
    const refill = (now - b.at) / windowMs;
    b.requests = Math.min(requests, b.requests + refill * requests);
    b.bytes = Math.min(maxBytes, b.bytes + refill * maxBytes);
    b.at = now;
    this.buckets.set(peer, b);
    if (b.requests < 1 || b.bytes < bytes) return false;
    b.requests -= 1;
    b.bytes -= bytes;
    return true;
  }
}
