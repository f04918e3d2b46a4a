import { once } from 'node:events';
import path from 'node:path';
import { GrpcStatus } from '@pagi/contracts';
import { createClient, loadProto, unary } from '@pagi/runtime';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Stack, startStack } from '../helpers/stack.ts';

// Accounts at every door of real gateway, orchestrator and memory processes: sign-in, CSRF, roles, per-person
// data, revocation, throttling, forged identities and the internal service token.

let stack: Stack;
let gw: string;
let orch: string;
const ADMIN_KEY = 'seeded-admin-key-for-the-auth-test-0123456789';

interface Call {
  method?: string;
  key?: string;
  cookie?: string;
  csrf?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function call(url: string, c: Call = {}) {
  const headers: Record<string, string> = { ...c.headers };
  if (c.key) headers.authorization = `Bearer ${c.key}`;
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrf) headers['x-csrf-token'] = c.csrf;
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: c.method ?? (c.body === undefined ? 'GET' : 'POST'),
    headers,
    body: c.body === undefined ? undefined : JSON.stringify(c.body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: answers of many shapes, read field by field in the tests
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json, cookie: res.headers.get('set-cookie') };
}

/** The HTTP status of a chat WebSocket upgrade with this key (101 when the socket opened). */
function upgradeStatus(key: string): Promise<number> {
  const socket = new WebSocket(`${gw.replace('http', 'ws')}/ws/chat/me`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

async function signIn(name: string, password: string) {
  const res = await call(`${gw}/api/auth/login`, { body: { name, password } });
  expect(res.status).toBe(200);
  return { cookie: (res.cookie ?? '').split(';')[0] as string, csrf: res.json.csrf_token as string };
}

async function keyFor(name: string, role: 'operator' | 'viewer') {
  const password = `${name} password long`;
  expect((await call(`${gw}/api/admin/users`, { key: ADMIN_KEY, body: { name, password, role } })).status).toBe(201);
  const session = await signIn(name, password);
  const created = await call(`${gw}/api/auth/keys`, { ...session, body: { name: `${name} script` } });
  expect(created.status).toBe(201);
  return { key: created.json.key as string, id: created.json.id as string, password, session };
}

beforeAll(async () => {
  stack = await startStack({
    services: ['memory', 'telemetry', 'orchestrator', 'gateway'],
    env: {
      AUTH_MODE: 'on',
      PAGI_ADMIN_API_KEY: ADMIN_KEY,
      AUTH_LOGIN_MAX_FAILURES: '3',
      AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS: '6',
    },
  });
  gw = stack.url('gateway');
  orch = stack.url('orchestrator');
}, 120_000);
afterAll(() => stack?.close());

describe('accounts at the doors', () => {
  it('answers without credentials only on the open routes', async () => {
    expect((await call(`${gw}/api/health`)).status).toBe(200);
    const me = await call(`${gw}/api/auth/me`);
    expect(me.json).toMatchObject({ auth_mode: 'on', setup_required: false, user: null });
    for (const url of [`${gw}/api/sessions`, `${gw}/api/status`, `${orch}/api/sessions`]) {
      const res = await call(url);
      expect(res.status, url).toBe(401);
      expect(res.json.error.code).toBe('unauthenticated');
    }
    const query = await call(`${gw}/api/memory/query`, { body: { query: 'anything' } });
    expect(query.status).toBe(401);
  });

  it('signs in with a session cookie that is httpOnly and SameSite=Lax, and wants the CSRF header to change state', async () => {
    const op = await keyFor('carol', 'operator');
    const login = await call(`${gw}/api/auth/login`, { body: { name: 'carol', password: op.password } });
    expect(login.cookie).toMatch(/pagi_session=[^;]+;.*HttpOnly/i);
    expect(login.cookie).toMatch(/SameSite=Lax/i);
    const cookie = (login.cookie ?? '').split(';')[0] as string;
    expect((await call(`${gw}/api/auth/me`, { cookie })).json.user).toMatchObject({ name: 'carol', role: 'operator' });
    const noCsrf = await call(`${gw}/api/memory/query`, { cookie, body: { query: 'x' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json.error.code).toBe('csrf_failed');
    const wrongCsrf = await call(`${gw}/api/memory/query`, { cookie, csrf: 'guess', body: { query: 'x' } });
    expect(wrongCsrf.status).toBe(403);
    const ok = await call(`${gw}/api/memory/query`, { cookie, csrf: login.json.csrf_token, body: { query: 'x' } });
    expect(ok.status).toBe(200);
    // An API key is not sent by a browser on its own: no CSRF header needed.
    expect((await call(`${gw}/api/memory/query`, { key: op.key, body: { query: 'x' } })).status).toBe(200);
  });

  it('refuses what a role may not do with 403, at the gateway and at the orchestrator', async () => {
    const viewer = await keyFor('victor', 'viewer');
    const operator = await keyFor('otto', 'operator');
    for (const base of [gw, orch]) {
      const res = await call(`${base}/api/memory/query`, { key: viewer.key, body: { query: 'x' } });
      expect(res.status, base).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
      expect((await call(`${base}/api/status`, { key: viewer.key })).status).toBe(200);
    }
    expect((await call(`${gw}/api/admin/users`, { key: operator.key })).status).toBe(403);
    expect((await call(`${gw}/api/admin/users`, { key: ADMIN_KEY })).status).toBe(200);
    // A viewer cannot open the chat socket; an operator can.
    expect(await upgradeStatus(viewer.key)).toBe(403);
    expect(await upgradeStatus(operator.key)).toBe(101);
  });

  it("keeps each person's sessions and actions to themselves (404, not 403)", async () => {
    const a = await keyFor('alice', 'operator');
    const b = await keyFor('bob', 'operator');
    const turn = await call(`${orch}/v1/chat`, {
      key: a.key,
      body: { message: 'run ls -la', twin_id: 'twin', session_id: 'alice-1' },
    });
    expect(turn.json.status).toBe('awaiting_approval');
    const actionId = turn.json.issued_command.action_id as string;
    for (const url of [`${orch}/v1/actions?session_id=alice-1`, `${orch}/v1/sessions/alice-1/turns`]) {
      expect((await call(url, { key: b.key })).status, url).toBe(404);
      expect((await call(url, { key: a.key })).status, url).toBe(200);
    }
    const asBob = await call(`${gw}/api/sessions`, { key: b.key });
    expect(asBob.json.sessions.map((s: { session_id: string }) => s.session_id)).not.toContain('alice-1');
    // Bob can neither decide in Alice's session nor pass her action off as one of his own sessions.
    for (const session_id of ['alice-1', 'bob-1']) {
      const res = await call(`${gw}/v1/actions/${actionId}/approve`, { key: b.key, body: { session_id } });
      expect(res.status, session_id).toBe(404);
    }
    // Nor take over her session by writing into it.
    const hijack = await call(`${orch}/v1/chat`, {
      key: b.key,
      body: { message: 'hello', twin_id: 'twin', session_id: 'alice-1' },
    });
    expect(hijack.status).toBe(404);
    const denied = await call(`${gw}/v1/actions/${actionId}/deny`, { key: a.key, body: { session_id: 'alice-1' } });
    expect(denied.json.status).toBe('denied');
    // The activity feed shows Alice's turns to Alice only.
    const feed = async (key: string) =>
      (await call(`${gw}/api/activity?limit=100`, { key })).json.events.filter(
        (e: { session_id?: string }) => e.session_id === 'alice-1',
      ).length;
    expect(await feed(a.key)).toBeGreaterThan(0);
    expect(await feed(b.key)).toBe(0);

    // Recordings too: Alice's is in her gallery only, and its id leads Bob nowhere.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(2048).fill(7)], { type: 'audio/webm' }), 'note.webm');
    const upload = await fetch(`${gw}/api/media/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.key}` },
      body: form,
    });
    const { id } = (await upload.json()) as { id: string };
    const gallery = async (key: string) =>
      (await call(`${gw}/api/media`, { key })).json.items.map((i: { id: string }) => i.id);
    expect(await gallery(a.key)).toContain(id);
    expect(await gallery(b.key)).not.toContain(id);
    expect((await call(`${gw}/api/media/${id}`, { key: a.key })).status).toBe(200);
    expect((await call(`${gw}/api/media/${id}`, { key: b.key })).status).toBe(404);
  });

  it('stops a revoked key, a disabled account and an expired session at once, at both doors', async () => {
    const d = await keyFor('dora', 'operator');
    for (const base of [gw, orch]) expect((await call(`${base}/api/sessions`, { key: d.key })).status).toBe(200);
    const socket = new WebSocket(`${gw.replace('http', 'ws')}/ws/chat/me`, {
      headers: { authorization: `Bearer ${d.key}` },
    });
    await once(socket, 'open');
    const revoke = await call(`${gw}/api/auth/keys/${d.id}`, { ...d.session, method: 'DELETE' });
    expect(revoke.status).toBe(200);
    for (const base of [gw, orch]) expect((await call(`${base}/api/sessions`, { key: d.key })).status).toBe(401);
    // The socket opened with the key ends at its next frame.
    const closed = once(socket, 'close');
    socket.send(JSON.stringify({ type: 'ping' }));
    expect((await closed)[0]).toBe(4401);

    const session = await signIn('dora', d.password);
    expect((await call(`${gw}/api/sessions`, { cookie: session.cookie })).status).toBe(200);
    // The session's end passes (as if its time had come): the next request is refused.
    const db = new Database(path.join(stack.dataDir, 'state', 'auth.sqlite'));
    db.prepare('UPDATE sessions SET expires_at = ?').run(Date.now() - 1);
    db.close();
    expect((await call(`${gw}/api/sessions`, { cookie: session.cookie })).status).toBe(401);

    const again = await signIn('dora', d.password);
    const users = (await call(`${gw}/api/admin/users`, { key: ADMIN_KEY })).json.users;
    const dora = users.find((u: { name: string }) => u.name === 'dora');
    await call(`${gw}/api/admin/users/${dora.id}`, { key: ADMIN_KEY, method: 'PATCH', body: { disabled: true } });
    expect((await call(`${gw}/api/sessions`, { cookie: again.cookie })).status).toBe(401);
    const audit = (await call(`${gw}/api/admin/audit`, { key: ADMIN_KEY })).json.entries.map(
      (e: { event: string }) => e.event,
    );
    expect(audit).toEqual(expect.arrayContaining(['key_created', 'key_revoked', 'login', 'user_updated']));
  });

  it('throttles failed sign-ins per account, even for the right password', async () => {
    const e = await keyFor('erin', 'operator');
    for (let i = 0; i < 3; i++) {
      expect((await call(`${gw}/api/auth/login`, { body: { name: 'erin', password: 'not it at all' } })).status).toBe(
        401,
      );
    }
    const throttled = await call(`${gw}/api/auth/login`, { body: { name: 'erin', password: e.password } });
    expect(throttled.status).toBe(429);
    expect(throttled.json.error.code).toBe('rate_limited');
  });

  it("throttles failed sign-ins per address, the browser's address behind the UI proxy on this machine", async () => {
    const f = await keyFor('fred', 'operator');
    const from = (address: string, name: string, password: string) =>
      call(`${gw}/api/auth/login`, { body: { name, password }, headers: { 'x-forwarded-for': address } });
    // Six failures from one browser, each against a different name (no account reaches its own limit) …
    for (let i = 0; i < 6; i++) expect((await from('198.51.100.7', `guess-${i}`, 'not it at all')).status).toBe(401);
    // … and that address may not try again, even with the right password; another browser may.
    expect((await from('198.51.100.7', 'fred', f.password)).status).toBe(429);
    expect((await from('198.51.100.8', 'fred', f.password)).status).toBe(200);
  });

  it('refuses an identity header that the gateway did not sign, at both doors', async () => {
    const claimed = Buffer.from(JSON.stringify({ user_id: 'x', name: 'x', role: 'admin', via: 'session' }));
    for (const base of [gw, orch]) {
      const res = await call(`${base}/api/sessions`, {
        headers: { 'x-pagi-identity': `${claimed.toString('base64url')}.sig` },
      });
      expect(res.status, base).toBe(401);
      expect((await call(`${base}/api/sessions`, { headers: { 'x-pagi-user': 'admin' } })).status, base).toBe(401);
    }
  });

  it('refuses gRPC calls that do not carry the service token', async () => {
    const { memory } = loadProto('memory');
    const stranger = createClient(
      memory.MemoryService,
      stack.addresses.MEMORY_GRPC_ADDR!,
      'not-the-token-of-this-node-x',
    );
    const err = await unary(stranger, 'QueryMemory', { query: 'x', namespace: 'default', top_k: 1 }).catch((e) => e);
    expect(err.code).toBe(GrpcStatus.UNAUTHENTICATED);
    stranger.close();
  });
});
