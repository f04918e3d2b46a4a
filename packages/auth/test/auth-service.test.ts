import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodedError } from '@pagi/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthService, type Identity, IdentitySigner } from '../src/index.ts';

let dir: string;
/** Everything the database holds on disk (main file and write-ahead log). */
const onDisk = () =>
  ['auth.sqlite', 'auth.sqlite-wal']
    .map((f) => {
      try {
        return readFileSync(path.join(dir, f)).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('');
let clock: number;
let auth: AuthService;
const HOUR = 3_600_000;

const codeOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    return err instanceof CodedError ? err.code : `not coded: ${String(err)}`;
  }
  return 'no error';
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pagi-auth-'));
  clock = Date.parse('2026-12-01T10:00:00Z');
  auth = new AuthService({
    file: path.join(dir, 'auth.sqlite'),
    sessionIdleMs: 2 * HOUR,
    sessionMaxMs: 24 * HOUR,
    login: { windowMs: 15 * 60_000, perAccount: 3, perAddress: 10 },
    now: () => clock,
  });
});
afterEach(() => {
  auth.close();
  rmSync(dir, { recursive: true, force: true });
});

const admin = async () => (await auth.setup('ada', 'correct horse battery', '127.0.0.1')).user;
const as = (u: { id: string; name: string; role: Identity['role'] }): Identity => ({
  user_id: u.id,
  name: u.name,
  role: u.role,
  via: 'session',
});

describe('accounts and sessions', () => {
  it('makes the first account an admin once, and stores only an argon2id hash', async () => {
    expect(auth.setupRequired).toBe(true);
    const first = await admin();
    expect(first.role).toBe('admin');
    expect(auth.setupRequired).toBe(false);
    expect(await codeOf(auth.setup('eve', 'another long password', '127.0.0.1'))).toBe('failed_precondition');
    const db = onDisk();
    expect(db).not.toContain('correct horse battery');
    expect(db).toContain('$argon2id$');
  });

  it('ends a session after its idle time and after its absolute lifetime', async () => {
    await admin();
    const s = await auth.login('ada', 'correct horse battery', '127.0.0.1');
    clock += HOUR;
    expect(auth.bySession(s.token)?.identity.name).toBe('ada');
    clock += 2 * HOUR + 1; // idle longer than 2 h
    expect(auth.bySession(s.token)).toBeUndefined();
    const t = await auth.login('ada', 'correct horse battery', '127.0.0.1');
    for (let i = 0; i < 23; i++) {
      clock += HOUR; // used every hour, but …
      expect(auth.bySession(t.token)).toBeDefined();
    }
    clock += HOUR; // … 24 h after sign-in it ends anyway
    expect(auth.bySession(t.token)).toBeUndefined();
  });

  it('limits failed sign-ins per account, and refuses unknown and known names alike', async () => {
    await admin();
    for (let i = 0; i < 3; i++) {
      expect(await codeOf(auth.login('ada', 'wrong password!!', '10.0.0.1'))).toBe('unauthenticated');
    }
    // Now even the right password waits for the window.
    expect(await codeOf(auth.login('ada', 'correct horse battery', '10.0.0.2'))).toBe('rate_limited');
    clock += 15 * 60_000 + 1;
    expect((await auth.login('ada', 'correct horse battery', '10.0.0.2')).user.name).toBe('ada');
    expect(await codeOf(auth.login('nobody', 'whatever pass', '10.0.0.3'))).toBe('unauthenticated');
    const kinds = auth.audit.recent(20).map((e) => `${e.event}:${e.detail.reason ?? ''}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['login_failed:password', 'login_failed:unknown', 'login_throttled:']),
    );
  });

  it('takes as long to refuse an unknown name as a wrong password', async () => {
    await admin();
    const attempt = async (name: string, i: number) => {
      const t0 = performance.now();
      await auth.login(name, `wrong password ${i}`, `10.1.0.${i}`).catch(() => undefined);
      return performance.now() - t0;
    };
    await attempt('warm-up', 0);
    // Taken in turns (so a busy machine slows both alike), three each (the account's limit), fastest of each compared.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await attempt('ada', i));
      unknown.push(await attempt('nobody-here', i));
    }
    // Both pay for one argon2id check each time (~20 ms); an early "no such user" would take microseconds.
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) * 0.5);
    expect(Math.min(...unknown)).toBeLessThan(Math.min(...known) * 2);
  });

  it('signs out everywhere, and a disabled account or a new password ends its sessions at once', async () => {
    const a = await admin();
    const op = await auth.createUser(as(a), { name: 'olga', password: 'operator password', role: 'operator' });
    const s1 = await auth.login('olga', 'operator password', '127.0.0.1');
    const s2 = await auth.login('olga', 'operator password', '127.0.0.1');
    expect(auth.logoutEverywhere(as(op))).toBe(2);
    expect(auth.bySession(s1.token)).toBeUndefined();
    expect(auth.bySession(s2.token)).toBeUndefined();
    const s3 = await auth.login('olga', 'operator password', '127.0.0.1');
    await auth.updateUser(as(a), op.id, { disabled: true });
    expect(auth.bySession(s3.token)).toBeUndefined();
    expect(await codeOf(auth.login('olga', 'operator password', '127.0.0.1'))).toBe('unauthenticated');
  });

  it('keeps at least one admin', async () => {
    const a = await admin();
    expect(await codeOf(auth.updateUser(as(a), a.id, { role: 'viewer' }))).toBe('failed_precondition');
    expect(await codeOf(auth.updateUser(as(a), a.id, { disabled: true }))).toBe('failed_precondition');
  });
});

describe('API keys', () => {
  it('never do more than their account, stop at revocation and expiry, and are stored hashed', async () => {
    const a = await admin();
    const op = await auth.createUser(as(a), { name: 'olga', password: 'operator password', role: 'operator' });
    expect(await codeOf(() => auth.createKey(as(op), { name: 'too much', role: 'admin' }))).toBe('forbidden');
    const viewerKey = auth.createKey(as(op), { name: 'dashboards', role: 'viewer' });
    expect(auth.byKey(viewerKey.key)?.role).toBe('viewer');
    const opKey = auth.createKey(as(op), { name: 'script', expires_at: new Date(clock + HOUR).toISOString() });
    expect(auth.byKey(opKey.key)).toMatchObject({ name: 'olga', role: 'operator', via: 'api_key' });
    // Demoting the account demotes its keys.
    await auth.updateUser(as(a), op.id, { role: 'viewer' });
    expect(auth.byKey(opKey.key)?.role).toBe('viewer');
    clock += HOUR;
    expect(auth.byKey(opKey.key)).toBeUndefined();
    auth.revokeKey(as(op), viewerKey.id);
    expect(auth.byKey(viewerKey.key)).toBeUndefined();
    // Someone else's key does not exist for a non-admin.
    const adminKey = auth.createKey(as(a), { name: 'ops' });
    expect(await codeOf(() => auth.revokeKey(as(op), adminKey.id))).toBe('not_found');
    expect(auth.listKeys(as(op)).map((k) => k.name)).toEqual(['dashboards', 'script']);
    expect(onDisk()).not.toContain(adminKey.key);
    expect(onDisk()).not.toContain(opKey.key);
  });

  it('seeds the admin key only on a node without accounts', async () => {
    expect(auth.seedAdminKey('k'.repeat(32))).toBe(true);
    expect(auth.byKey('k'.repeat(32))).toMatchObject({ role: 'admin', name: 'admin' });
    expect(auth.seedAdminKey('z'.repeat(32))).toBe(false);
    expect(auth.byKey('z'.repeat(32))).toBeUndefined();
  });
});

describe('the identity the gateway signs', () => {
  it('verifies only untouched, unexpired credentials signed with the same service token', () => {
    let now = 1_000_000;
    const signer = new IdentitySigner('service-token-of-this-node-0123456789', () => now);
    const who: Identity = { user_id: 'usr_1', name: 'ada', role: 'operator', via: 'session' };
    const credential = signer.sign(who);
    expect(signer.verify(credential)).toEqual(who);
    const [payload, mac] = credential.split('.') as [string, string];
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('operator', 'admin')).toString(
      'base64url',
    );
    expect(signer.verify(`${forged}.${mac}`)).toBeUndefined();
    expect(new IdentitySigner('another node token 0123456789abcdef').verify(credential)).toBeUndefined();
    expect(signer.verify('usr_1')).toBeUndefined();
    now += 61_000;
    expect(signer.verify(credential)).toBeUndefined();
  });
});
