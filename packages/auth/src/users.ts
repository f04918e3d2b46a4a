import type { Role, User } from '@pagi/contracts';
import { type AuthDb, prepared } from './db.ts';
import { newId } from './secrets.ts';

export interface UserRow {
  id: string;
  name: string;
  role: Role;
  password_hash: string | null;
  oidc_subject: string | null;
  disabled: number;
  created_at: number;
  last_login_at: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const publicUser = (u: UserRow): User => ({
  id: u.id,
  name: u.name,
  role: u.role,
  disabled: u.disabled === 1,
  created_at: new Date(u.created_at).toISOString(),
  last_login_at: iso(u.last_login_at),
  oidc: u.oidc_subject !== null,
});

export class UserStore {
  private readonly db: AuthDb;

  constructor(db: AuthDb) {
    this.db = db;
  }

  count(): number {
    return (prepared(this.db, 'SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  byId(id: string): UserRow | undefined {
    return prepared(this.db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  byName(name: string): UserRow | undefined {
    return prepared(this.db, 'SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
  }

  bySubject(subject: string): UserRow | undefined {
    return prepared(this.db, 'SELECT * FROM users WHERE oidc_subject = ?').get(subject) as UserRow | undefined;
  }

  list(): UserRow[] {
    return prepared(this.db, 'SELECT * FROM users ORDER BY created_at').all() as UserRow[];
  }

  /** Inserts an account; false when the name is taken (names compare without case). */
  insert(u: { name: string; role: Role; passwordHash: string | null; oidcSubject?: string; now: number }): UserRow {
    const id = newId('usr');
    prepared(
      this.db,
      'INSERT INTO users (id, name, role, password_hash, oidc_subject, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, u.name, u.role, u.passwordHash, u.oidcSubject ?? null, u.now);
    return this.byId(id) as UserRow;
  }

  update(id: string, change: { role?: Role; disabled?: boolean; passwordHash?: string }): void {
    if (change.role) prepared(this.db, 'UPDATE users SET role = ? WHERE id = ?').run(change.role, id);
    if (change.disabled !== undefined) {
      prepared(this.db, 'UPDATE users SET disabled = ? WHERE id = ?').run(change.disabled ? 1 : 0, id);
    }
    if (change.passwordHash)
      prepared(this.db, 'UPDATE users SET password_hash = ? WHERE id = ?').run(change.passwordHash, id);
  }

  loggedIn(id: string, now: number): void {
    prepared(this.db, 'UPDATE users SET last_login_at = ? WHERE id = ?').run(now, id);
  }

  countAdmins(): number {
    return (
      prepared(this.db, "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }
    ).n;
  }
}
