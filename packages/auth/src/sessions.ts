import type { Role } from '@pagi/contracts';
import { type AuthDb, prepared } from './db.ts';
import { newToken, sha256 } from './secrets.ts';

export interface SessionRow {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  /** The account, read in the same query. */
  user_name: string;
  user_role: Role;
  user_disabled: number;
}

export interface SessionLimits {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  maxMs: number;
}

/** Last-seen times are written at most this often, so a busy session does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Browser sessions, stored server-side by the hash of the cookie's value: revocable at once. */
export class SessionStore {
  private readonly db: AuthDb;
  private readonly limits: SessionLimits;

  constructor(db: AuthDb, limits: SessionLimits) {
    this.db = db;
    this.limits = limits;
  }

  /** Starts a session; the returned token goes into the cookie and is not stored. */
  create(userId: string, now: number): { token: string; csrfToken: string; expiresAt: number } {
    const token = newToken();
    const csrfToken = newToken(24);
    const expiresAt = now + this.limits.maxMs;
    prepared(
      this.db,
      'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(sha256(token), userId, csrfToken, now, now, expiresAt);
    return { token, csrfToken, expiresAt };
  }

  /** The live session of a cookie value (its idle time renewed), or undefined. */
  find(token: string, now: number): SessionRow | undefined {
    const row = prepared(
      this.db,
      `SELECT s.*, u.name AS user_name, u.role AS user_role, u.disabled AS user_disabled
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    ).get(sha256(token)) as SessionRow | undefined;
    if (!row) return undefined;
    if (row.expires_at <= now || row.last_seen_at + this.limits.idleMs <= now) {
      prepared(this.db, 'DELETE FROM sessions WHERE token_hash = ?').run(row.token_hash);
      return undefined;
    }
    if (now - row.last_seen_at >= TOUCH_EVERY_MS) {
      prepared(this.db, 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, row.token_hash);
    }
    return row;
  }

  delete(token: string): void {
    prepared(this.db, 'DELETE FROM sessions WHERE token_hash = ?').run(sha256(token));
  }

  /** Ends every session of a user ("sign out everywhere", a disabled account, a changed password). */
  deleteForUser(userId: string): number {
    return prepared(this.db, 'DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
  }

  purgeExpired(now: number): void {
    prepared(this.db, 'DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(
      now,
      now - this.limits.idleMs,
    );
  }
}
