import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../src/ws/rate-limit.ts';

describe('per-connection frame budget', () => {
  it('serves a burst, refuses beyond it, and refills at the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket(20, 10, () => now);
    const burst = Array.from({ length: 15 }, () => bucket.take());
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(bucket.take()).toBe(false);
    // 20 per second: one frame every 50 ms.
    now += 49;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    // A long pause refills to the burst, not beyond.
    now += 60_000;
    expect(Array.from({ length: 12 }, () => bucket.take()).filter(Boolean)).toHaveLength(10);
  });
});
