import type { ServerFrame } from '@pagi/contracts';
import { gauge } from '@pagi/runtime';
import type { WebSocket } from 'ws';
import { sendFrame } from '../ws/frames.ts';

/** Frames kept per absent session, and absent sessions kept at most; the oldest go first. */
const MAX_FRAMES_PER_SESSION = 64;
const MAX_KEPT_SESSIONS = 10_000;

interface Kept {
  frames: ServerFrame[];
  expiresAt: number;
}

/**
 * Which sockets follow which session, and what they missed. A session is keyed by user and session id, so one
 * user's results never reach another user's socket. A turn delivers its frames to every socket following its
 * session; when there is none (the browser went away mid-turn), the frames that matter — approval requests,
 * action results, the final answer, errors — are kept for `ttlMs` and handed to the next socket that follows it.
 */
export class SessionHub {
  private readonly followers = new Map<string, Set<WebSocket>>();
  private readonly followed = new WeakMap<WebSocket, Set<string>>();
  private readonly kept = new Map<string, Kept>();
  private readonly inFlight = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly keptMetric = gauge('gateway_ws_kept_sessions', 'Sessions holding results for a reconnecting socket');

  constructor(ttlMs: number) {
    this.ttlMs = ttlMs;
  }

  static key(userId: string, sessionId: string): string {
    return `${userId}\u0000${sessionId}`;
  }

  /** The socket follows the session from now on; results kept for it are sent at once. Returns how many. */
  follow(socket: WebSocket, key: string): number {
    const sockets = this.followers.get(key) ?? new Set<WebSocket>();
    this.followers.set(key, sockets);
    sockets.add(socket);
    const keys = this.followed.get(socket) ?? new Set<string>();
    this.followed.set(socket, keys);
    keys.add(key);
    const kept = this.kept.get(key);
    if (!kept) return 0;
    this.kept.delete(key);
    this.keptMetric.set(this.kept.size);
    if (kept.expiresAt < Date.now()) return 0;
    for (const frame of kept.frames) sendFrame(socket, frame);
    return kept.frames.length;
  }

  unfollowAll(socket: WebSocket): void {
    for (const key of this.followed.get(socket) ?? []) {
      const sockets = this.followers.get(key);
      sockets?.delete(socket);
      if (sockets?.size === 0) this.followers.delete(key);
    }
    this.followed.delete(socket);
  }

  /** Whether following `key` would be a new session for this socket, and how many it follows already. */
  followState(socket: WebSocket, key: string): { following: boolean; count: number } {
    const keys = this.followed.get(socket);
    return { following: keys?.has(key) ?? false, count: keys?.size ?? 0 };
  }

  /** Sends a frame to the session's sockets; with `keep`, stores it when none is there to receive it. */
  deliver(key: string, frame: ServerFrame, keep: boolean): void {
    let delivered = false;
    for (const socket of this.followers.get(key) ?? []) delivered = sendFrame(socket, frame) || delivered;
    if (delivered || !keep) return;
    let kept = this.kept.get(key);
    if (!kept) {
      this.evictExpired();
      if (this.kept.size >= MAX_KEPT_SESSIONS) this.kept.delete(this.kept.keys().next().value!);
      kept = { frames: [], expiresAt: 0 };
      this.kept.set(key, kept);
      this.keptMetric.set(this.kept.size);
    }
    kept.frames.push(frame);
    if (kept.frames.length > MAX_FRAMES_PER_SESSION) kept.frames.shift();
    kept.expiresAt = Date.now() + this.ttlMs;
  }

  turnStarted(key: string): void {
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
  }

  turnFinished(key: string): void {
    const n = (this.inFlight.get(key) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(key);
    else this.inFlight.set(key, n);
  }

  isInFlight(key: string): boolean {
    return this.inFlight.has(key);
  }

  totalInFlight(): number {
    let total = 0;
    for (const n of this.inFlight.values()) total += n;
    return total;
  }

  private evictExpired(): void {
    const now = Date.now();
    for (const [key, kept] of this.kept) if (kept.expiresAt < now) this.kept.delete(key);
  }
}
