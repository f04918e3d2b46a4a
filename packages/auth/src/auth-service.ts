import {
  CodedError,
  type CreatedKey,
  type CreateKeyRequest,
  type CreateUserRequest,
  lesserRole,
  type Role,
  type UpdateUserRequest,
  type User,
} from '@pagi/contracts';
import { KeyStore, publicKey } from './api-keys.ts';
import { AuthAudit } from './audit.ts';
import { type AuthDb, openAuthDb } from './db.ts';
import type { Identity } from './identity.ts';
import { LoginLimiter } from './login-limiter.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import { SessionStore } from './sessions.ts';
import { publicUser, type UserRow, UserStore } from './users.ts';

export interface AuthOptions {
  /** The SQLite file of accounts (shared by the gateway and the orchestrator). */
  file: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Failed sign-ins allowed per account and per address within the window. */
  login?: { windowMs: number; perAccount: number; perAddress: number };
  /** Role of an account made at its first single sign-on (the very first account is admin whatever this says). */
  oidcRole?: Role;
  now?: () => number;
}

/** A signed-in browser session: the cookie's value (never stored) and the CSRF token pages send back. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: number;
  user: User;
}

const WRONG_LOGIN = 'wrong name or password';

/** Accounts, sign-in, sessions and API keys. Throws CodedErrors; knows nothing of HTTP. */
export class AuthService {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly keys: KeyStore;
  readonly audit: AuthAudit;
  private readonly db: AuthDb;
  private readonly limiter: LoginLimiter;
  private readonly oidcRole: Role;
  private readonly now: () => number;

  constructor(opts: AuthOptions) {
    this.db = openAuthDb(opts.file);
    this.users = new UserStore(this.db);
    this.sessions = new SessionStore(this.db, { idleMs: opts.sessionIdleMs, maxMs: opts.sessionMaxMs });
    this.keys = new KeyStore(this.db);
    this.audit = new AuthAudit(this.db);
    this.limiter = new LoginLimiter(opts.login ?? { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 });
    this.oidcRole = opts.oidcRole ?? 'operator';
    this.now = opts.now ?? Date.now;
  }

  get setupRequired(): boolean {
    return this.users.count() === 0;
  }

  /** The first account, an admin; refused once any account exists. */
  async setup(name: string, password: string, address: string): Promise<NewSession> {
    const passwordHash = await hashPassword(password);
    const user = this.db
      .transaction(() => {
        if (this.users.count() > 0) return undefined;
        return this.users.insert({ name, role: 'admin', passwordHash, now: this.now() });
      })
      .immediate();
    if (!user) throw new CodedError('failed_precondition', 'the first account exists already: sign in instead');
    this.audit.record(user.name, 'setup', { user_id: user.id, address }, this.now());
    return this.startSession(user);
  }

  /**
   * PAGI_ADMIN_API_KEY: on a node with no account yet, an admin account (without a password) holding this key, so
   * scripts can work before anyone opened the browser. Later starts leave the accounts alone.
   */
  seedAdminKey(key: string): boolean {
    if (key.length < 24) throw new Error('PAGI_ADMIN_API_KEY must have at least 24 characters');
    return this.db
      .transaction(() => {
        if (this.users.count() > 0) return false;
        const user = this.users.insert({ name: 'admin', role: 'admin', passwordHash: null, now: this.now() });
        this.keys.create({
          name: 'PAGI_ADMIN_API_KEY',
          userId: user.id,
          role: 'admin',
          expiresAt: null,
          now: this.now(),
          key,
        });
        this.audit.record('system', 'admin_key_seeded', { user_id: user.id }, this.now());
        return true;
      })
      .immediate();
  }

  async login(name: string, password: string, address: string): Promise<NewSession> {
    const now = this.now();
    const wait = this.limiter.waitMs(name, address, now);
    if (wait > 0) {
      this.audit.record(name, 'login_throttled', { address }, now);
      throw new CodedError('rate_limited', `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`);
    }
    const user = this.users.byName(name);
    // Unknown accounts are checked against a dummy hash, so the answer takes as long as for a known one.
    const ok = await checkPassword(user?.password_hash ?? null, password);
    if (!user || !ok || user.disabled) {
      this.limiter.failed(name, address, now);
      this.audit.record(
        name,
        'login_failed',
        { address, reason: !user ? 'unknown' : !ok ? 'password' : 'disabled' },
        now,
      );
      throw new CodedError('unauthenticated', WRONG_LOGIN);
    }
    this.limiter.succeeded(name);
    this.audit.record(user.name, 'login', { user_id: user.id, address }, now);
    return this.startSession(user);
  }

  /** Signs in a person the OpenID provider vouched for; their account is made at the first sign-in. */
  loginOidc(subject: string, preferredName: string, address: string): NewSession {
    const now = this.now();
    const user = this.db
      .transaction(() => {
        const known = this.users.bySubject(subject);
        if (known) return known;
        const role: Role = this.users.count() === 0 ? 'admin' : this.oidcRole;
        return this.users.insert({
          name: this.freeName(preferredName),
          role,
          passwordHash: null,
          oidcSubject: subject,
          now,
        });
      })
      .immediate();
    if (user.disabled) {
      this.audit.record(user.name, 'login_failed', { address, reason: 'disabled', via: 'oidc' }, now);
      throw new CodedError('unauthenticated', 'this account is disabled');
    }
    this.audit.record(user.name, 'login', { user_id: user.id, address, via: 'oidc' }, now);
    return this.startSession(user);
  }

  logout(token: string, actor: Identity): void {
    this.sessions.delete(token);
    this.audit.record(actor.name, 'logout', { user_id: actor.user_id }, this.now());
  }

  /** "Sign out everywhere": every session of the account ends. */
  logoutEverywhere(actor: Identity): number {
    const n = this.sessions.deleteForUser(actor.user_id);
    this.audit.record(actor.name, 'logout_everywhere', { user_id: actor.user_id, sessions: n }, this.now());
    return n;
  }

  /** The identity behind a session cookie, with its CSRF token; undefined when it is unknown, ended or disabled. */
  bySession(token: string): { identity: Identity; csrfToken: string } | undefined {
    const session = this.sessions.find(token, this.now());
    if (!session || session.user_disabled) return undefined;
    return {
      identity: { user_id: session.user_id, name: session.user_name, role: session.user_role, via: 'session' },
      csrfToken: session.csrf_token,
    };
  }

  /** The identity behind an API key: never more than its account may do now. */
  byKey(key: string): Identity | undefined {
    const row = this.keys.find(key, this.now());
    if (!row || row.user_disabled) return undefined;
    return { user_id: row.user_id, name: row.user_name, role: lesserRole(row.role, row.user_role), via: 'api_key' };
  }

  async createUser(actor: Identity, req: CreateUserRequest): Promise<User> {
    const passwordHash = await hashPassword(req.password);
    if (this.users.byName(req.name)) throw new CodedError('already_exists', `an account named ${req.name} exists`);
    const user = this.users.insert({ name: req.name, role: req.role, passwordHash, now: this.now() });
    this.audit.record(actor.name, 'user_created', { user_id: user.id, name: user.name, role: user.role }, this.now());
    return publicUser(user);
  }

  async updateUser(actor: Identity, id: string, change: UpdateUserRequest): Promise<User> {
    const user = this.users.byId(id);
    if (!user) throw new CodedError('not_found', 'no such account');
    const losesAdmin = user.role === 'admin' && ((change.role && change.role !== 'admin') || change.disabled);
    if (losesAdmin && this.users.countAdmins() <= 1) {
      throw new CodedError('failed_precondition', 'this is the last admin: make another admin first');
    }
    const passwordHash = change.password ? await hashPassword(change.password) : undefined;
    this.users.update(id, { role: change.role, disabled: change.disabled, passwordHash });
    // A disabled account or a new password ends every session of the account at once.
    if (change.disabled || passwordHash) this.sessions.deleteForUser(id);
    const detail = {
      user_id: id,
      role: change.role,
      disabled: change.disabled,
      password_changed: Boolean(passwordHash),
    };
    this.audit.record(
      actor.name,
      change.role && change.role !== user.role ? 'role_changed' : 'user_updated',
      { ...detail, from_role: user.role },
      this.now(),
    );
    return publicUser(this.users.byId(id) as UserRow);
  }

  listUsers(): User[] {
    return this.users.list().map(publicUser);
  }

  createKey(actor: Identity, req: CreateKeyRequest): CreatedKey {
    const role = req.role ?? actor.role;
    if (lesserRole(role, actor.role) !== role) {
      throw new CodedError('forbidden', `a ${actor.role} cannot make a key with the ${role} role`);
    }
    const expiresAt = req.expires_at ? Date.parse(req.expires_at) : null;
    if (expiresAt !== null && expiresAt <= this.now())
      throw new CodedError('invalid_request', 'expires_at: is in the past');
    const { row, key } = this.keys.create({ name: req.name, userId: actor.user_id, role, expiresAt, now: this.now() });
    this.audit.record(actor.name, 'key_created', { key_id: row.id, name: row.name, role }, this.now());
    return { ...publicKey(row), key };
  }

  /** An admin sees every key; others their own. */
  listKeys(actor: Identity) {
    return this.keys.list(actor.role === 'admin' ? undefined : actor.user_id).map(publicKey);
  }

  revokeKey(actor: Identity, id: string): void {
    const row = this.keys.byId(id);
    // Someone else's key is "not found" to a non-admin: whether it exists is not theirs to learn.
    if (!row || (row.user_id !== actor.user_id && actor.role !== 'admin')) {
      throw new CodedError('not_found', 'no such key');
    }
    this.keys.revoke(id, this.now());
    this.audit.record(actor.name, 'key_revoked', { key_id: id, owner: row.user_name }, this.now());
  }

  close(): void {
    this.db.close();
  }

  private startSession(user: UserRow): NewSession {
    const now = this.now();
    this.users.loggedIn(user.id, now);
    this.sessions.purgeExpired(now);
    const s = this.sessions.create(user.id, now);
    return { ...s, user: publicUser({ ...user, last_login_at: now }) };
  }

  /** An account name not taken yet, from what the provider suggests. */
  private freeName(preferred: string): string {
    const base = preferred.replace(/[^A-Za-z0-9_.@-]/g, '').slice(0, 56) || 'user';
    let name = base;
    for (let i = 2; this.users.byName(name); i++) name = `${base}-${i}`;
    return name;
  }
}
