// Heartbeat checks: only the signer's own, newer, timely heartbeats get through.
import { describe, expect, it } from 'vitest';
import { HeartbeatGuard, HeartbeatSource } from '../src/fleet/heartbeats.ts';
import { heartbeatCodec, MAX_HEARTBEAT_BYTES } from '../src/wire.ts';

const health = { cpu: 0.5, memory: 0.25, memory_count: 3, ingestion_queue: 1, pending_approvals: 0 };

describe('heartbeat guard', () => {
  it('accepts a run of heartbeats in order and refuses replays, forgeries and stale or malformed ones', () => {
    let now = 1_000_000;
    const guard = new HeartbeatGuard(30_000, () => now);
    const source = new HeartbeatSource('peer-a', () => now);
    const first = source.next(health, ['/ip4/127.0.0.1/tcp/1'], now);
    const second = source.next(health, [], now + 10);

    const ok = guard.check('peer-a', first);
    expect(ok.ok && ok.heartbeat).toMatchObject({
      peer_id: 'peer-a',
      seq: 1,
      health,
      addresses: ['/ip4/127.0.0.1/tcp/1'],
    });
    expect(guard.check('peer-a', second).ok).toBe(true);
    expect(guard.check('peer-a', first)).toMatchObject({ ok: false, reason: 'heartbeat replayed or out of order' });
    expect(guard.check('peer-b', second)).toMatchObject({
      ok: false,
      reason: 'heartbeat names another peer than its signer',
    });

    // A heartbeat of an earlier run of the same node (smaller epoch) is a replay too; a later run starts afresh.
    now += 60_000;
    const restarted = new HeartbeatSource('peer-a', () => now);
    expect(guard.check('peer-a', restarted.next(health, [], now)).ok).toBe(true);
    expect(guard.check('peer-a', source.next(health, [], now)).ok).toBe(false);

    const late = heartbeatCodec.encode({ peer_id: 'peer-a', seq: 99, epoch_ms: now, sent_at_ms: now - 31_000, health });
    expect(guard.check('peer-a', late)).toMatchObject({ ok: false, reason: 'heartbeat outside the clock window' });
    expect(guard.check('peer-a', new Uint8Array([0xff, 0xff, 0xff]))).toMatchObject({ ok: false });
    expect(guard.check('peer-a', new Uint8Array(MAX_HEARTBEAT_BYTES + 1)).ok).toBe(false);
    const noSeq = heartbeatCodec.encode({ peer_id: 'peer-a', epoch_ms: now, sent_at_ms: now });
    expect(guard.check('peer-a', noSeq)).toMatchObject({ ok: false, reason: 'heartbeat without a sequence' });
  });
});
