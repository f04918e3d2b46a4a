import type { Heartbeat__Output } from '@pagi/contracts/gen/mesh/Heartbeat.ts';
import type { NodeHealth } from '@pagi/contracts/gen/mesh/NodeHealth.ts';
import { heartbeatCodec, WireError } from '../wire.ts';

// Heartbeats travel on one gossipsub topic. Gossipsub's strict signing proves who published a message; on top of that
// a heartbeat must name its publisher, be newer than the last one seen from it (a run is identified by its start time,
// `epoch_ms`, and counts `seq` up from 1), and be sent within the clock window. Anything else is refused: a forged
// heartbeat fails the signature or the name, a replayed one the sequence or the window.

export const HEARTBEAT_TOPIC = '/pagi/fleet/heartbeat/1';

export type Verdict = { ok: true; heartbeat: Heartbeat__Output } | { ok: false; reason: string; duplicate?: boolean };

export class HeartbeatGuard {
  private readonly last = new Map<string, { epoch: number; seq: number }>();
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(windowMs: number, now: () => number = Date.now) {
    this.windowMs = windowMs;
    this.now = now;
  }

  /** Checks a heartbeat published (and signed) by `from`, and remembers it when it is accepted. */
  check(from: string, data: Uint8Array): Verdict {
    let hb: Heartbeat__Output;
    try {
      hb = heartbeatCodec.decode(data);
    } catch (err) {
      return { ok: false, reason: err instanceof WireError ? err.message : 'malformed heartbeat' };
    }
    if (hb.peer_id !== from) return { ok: false, reason: 'heartbeat names another peer than its signer' };
    if (!(hb.seq >= 1 && hb.epoch_ms > 0)) return { ok: false, reason: 'heartbeat without a sequence' };
    if (Math.abs(this.now() - hb.sent_at_ms) > this.windowMs)
      return { ok: false, reason: 'heartbeat outside the clock window' };
    const last = this.last.get(from);
    if (last && (hb.epoch_ms < last.epoch || (hb.epoch_ms === last.epoch && hb.seq <= last.seq))) {
      return { ok: false, reason: 'heartbeat replayed or out of order', duplicate: hb.epoch_ms === last.epoch };
    }
    this.last.set(from, { epoch: hb.epoch_ms, seq: hb.seq });
    return { ok: true, heartbeat: hb };
  }
}

/** This node's heartbeats: one run (`epoch_ms`), counted up from 1. */
export class HeartbeatSource {
  private seq = 0;
  private readonly epoch: number;
  private readonly peerId: string;

  constructor(peerId: string, now: () => number = Date.now) {
    this.peerId = peerId;
    this.epoch = now();
  }

  next(health: NodeHealth, addresses: string[], now = Date.now()): Uint8Array {
    this.seq++;
    return heartbeatCodec.encode({
      peer_id: this.peerId,
      seq: this.seq,
      epoch_ms: this.epoch,
      sent_at_ms: now,
      health,
      addresses: addresses.slice(0, 16),
    });
  }
}
