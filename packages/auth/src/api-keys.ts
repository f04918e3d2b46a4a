import type { ApiKey, Role } from '@pagi/contracts';
import { type AuthDb, prepared } from './db.ts';
import { newId, newToken, sha256 } from './secrets.ts';

export interface KeyRow {
  id: string;
  key_hash: string;
  name: string;
  user_id: string;
  user_name: string;
  role: Role;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
  /** The account's own role and state, read in the same query. */
  user_role: Role;
  user_disabled: number;
}

const TOUCH_EVERY_MS = 60_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const publicKey = (k: KeyRow): ApiKey => ({
  id: k.id,
  name: k.name,
  user_id: k.user_id,
  user_name: k.user_name,
  role: k.role,
  created_at: new Date(k.created_at).toISOString(),
  expires_at: iso(k.expires_at),
  last_used_at: iso(k.last_used_at),
  revoked: k.revoked_at !== null,
});

const SELECT =
  'SELECT k.*, u.name AS user_name, u.role AS user_role, u.disabled AS user_disabled FROM api_keys k JOIN users u ON u.id = k.user_id';

/** API keys for scripts: shown once, stored as their hash, revocable, optionally expiring. */
export class KeyStore {
  private readonly db: AuthDb;

  constructor(db: AuthDb) {
    this.db = db;
  }

  /** Makes a key (or stores a given one, for PAGI_ADMIN_API_KEY); returns its row and the key itself. */
  create(k: { name: string; userId: string; role: Role; expiresAt: number | null; now: number; key?: string }) {
    const key = k.key ?? `pagi_${newToken()}`;
    const id = newId('key');
    prepared(
      this.db,
      'INSERT INTO api_keys (id, key_hash, name, user_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, sha256(key), k.name, k.userId, k.role, k.now, k.expiresAt);
    return { row: this.byId(id) as KeyRow, key };
  }

  byId(id: string): KeyRow | undefined {
    return prepared(this.db, `${SELECT} WHERE k.id = ?`).get(id) as KeyRow | undefined;
  }

  /** The usable key row for a presented key (not revoked, not expired), its last use noted. */
  find(key: string, now: number): KeyRow | undefined {
    const row = prepared(this.db, `${SELECT} WHERE k.key_hash = ?`).get(sha256(key)) as KeyRow | undefined;
    if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return undefined;
    if (row.last_used_at === null || now - row.last_used_at >= TOUCH_EVERY_MS) {
      prepared(this.db, 'UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now, row.id);
    }
    return row;
  }

  list(userId?: string): KeyRow[] {
    return (
      userId
        ? prepared(this.db, `${SELECT} WHERE k.user_id = ? ORDER BY k.created_at`).all(userId)
        : prepared(this.db, `${SELECT} ORDER BY k.created_at`).all()
    ) as KeyRow[];
  }

  revoke(id: string, now: number): void {
    prepared(this.db, 'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
  }
}
