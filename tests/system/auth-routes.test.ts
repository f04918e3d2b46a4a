import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IdentitySigner } from '@pagi/auth';
import { type Permission, ROLE_PERMISSIONS, type Role } from '@pagi/contracts';
import { buildGatewayApp, gatewayAccess } from '@pagi/gateway';
import { orchestratorAccess, type RunningOrchestrator, startOrchestrator } from '@pagi/orchestrator';
import {
  createLogger,
  gatewayConfigSchema,
  listen,
  loadConfig,
  orchestratorConfigSchema,
  routesOf,
} from '@pagi/runtime';
import { buildTelemetryApp, MediaStore, readHostSample, SharedSampler, telemetryAccess } from '@pagi/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SERVICE_TOKEN } from '../helpers/service-token.ts';

// Every route the gateway and the orchestrator serve, taken from the servers themselves, is tried without
// credentials and with each role that lacks its permission: a route added later cannot be left open by mistake.

const ADMIN_KEY = 'seeded-admin-key-for-the-route-test-0123456789';
const silent = createLogger('auth-routes', 'silent');
let dataDir: string;
let orchestrator: RunningOrchestrator;
let gateway: RunningOrchestrator['app'];
let telemetry: RunningOrchestrator['app'];
let sampler: SharedSampler;
let urls: { gateway: string; orchestrator: string; telemetry: string };
const keys: Partial<Record<Role, string>> = {};

const common = () => ({
  DATA_DIR: dataDir,
  AUTH_MODE: 'on',
  SERVICE_TOKEN: TEST_SERVICE_TOKEN,
  PAGI_ADMIN_API_KEY: ADMIN_KEY,
  MEMORY_GRPC_ADDR: 'http://127.0.0.1:1',
  TOOLS_GRPC_ADDR: 'http://127.0.0.1:1',
  BUILD_GRPC_ADDR: 'http://127.0.0.1:1',
  LLM_PROVIDER: 'mock',
});

/** A concrete path for a route pattern (`:id` → a value, `*` → a segment). */
const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, 'x1').replace(/\*/g, 'x');

async function status(base: string, method: string, url: string, auth: Record<string, string> = {}): Promise<number> {
  const headers: Record<string, string> = { ...auth };
  const withBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);
  if (withBody) headers['content-type'] = 'application/json';
  const res = await fetch(base + concrete(url), {
    method,
    headers,
    body: withBody ? '{}' : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  await res.body?.cancel();
  return res.status;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pagi-auth-routes-'));
  const orchConfig = loadConfig(
    orchestratorConfigSchema,
    { ...common(), ORCHESTRATOR_HTTP_PORT: '0', ORCHESTRATOR_GRPC_PORT: '0', ORCHESTRATOR_ADMIN_GRPC_PORT: '0' },
    { dotenv: false },
  );
  orchestrator = await startOrchestrator(orchConfig, silent, { knowledge: true });
  const gwConfig = loadConfig(
    gatewayConfigSchema,
    { ...common(), ORCHESTRATOR_URL: `http://127.0.0.1:${orchestrator.httpPort}`, TELEMETRY_URL: 'http://127.0.0.1:1' },
    { dotenv: false },
  );
  gateway = await buildGatewayApp(gwConfig, silent, TEST_SERVICE_TOKEN);
  const port = await listen(gateway, '127.0.0.1', 0);
  sampler = new SharedSampler({ read: readHostSample, intervalMs: 1000, logger: silent });
  const media = new MediaStore(path.join(dataDir, 'media'), silent);
  await media.open();
  telemetry = await buildTelemetryApp({
    logger: silent,
    sampler,
    media,
    mediaMaxBytes: 1_000_000,
    auth: { mode: 'on', signer: new IdentitySigner(TEST_SERVICE_TOKEN) },
  });
  urls = {
    gateway: `http://127.0.0.1:${port}`,
    orchestrator: `http://127.0.0.1:${orchestrator.httpPort}`,
    telemetry: `http://127.0.0.1:${await listen(telemetry, '127.0.0.1', 0)}`,
  };
  keys.admin = ADMIN_KEY;
  for (const role of ['operator', 'viewer'] as const) {
    const name = `${role}-person`;
    const password = `${role} password long`;
    const auth = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
    await fetch(`${urls.gateway}/api/admin/users`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name, password, role }),
    });
    const login = await fetch(`${urls.gateway}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
    const session = (await login.json()) as { csrf_token: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const created = await fetch(`${urls.gateway}/api/auth/keys`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': session.csrf_token, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'route test' }),
    });
    keys[role] = ((await created.json()) as { key: string }).key;
  }
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await telemetry?.close();
  sampler?.stop();
  await orchestrator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const byKey = (role: Role) => ({ authorization: `Bearer ${keys[role]}` });
// Telemetry takes no keys: people reach it through the gateway, which signs who they are.
const signer = new IdentitySigner(TEST_SERVICE_TOKEN);
const bySignature = (role: Role) => ({
  'x-pagi-identity': signer.sign({ user_id: `usr-${role}`, name: role, role, via: 'session' }),
});

const servers = () =>
  [
    { name: 'gateway', app: gateway, base: urls.gateway, access: gatewayAccess, as: byKey },
    { name: 'orchestrator', app: orchestrator.app, base: urls.orchestrator, access: orchestratorAccess, as: byKey },
    { name: 'telemetry', app: telemetry, base: urls.telemetry, access: telemetryAccess, as: bySignature },
  ] as const;

describe('every route of the gateway and the orchestrator', () => {
  it('refuses a caller without credentials, except the open routes', async () => {
    const open: string[] = [];
    const leaks: string[] = [];
    for (const s of servers()) {
      const routes = routesOf(s.app).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
      expect(routes.length).toBeGreaterThan(4);
      for (const r of routes) {
        const code = await status(s.base, r.method, r.url);
        if (s.access(r.method, r.url) === 'open') open.push(`${s.name} ${r.method} ${r.url}`);
        else if (code !== 401) leaks.push(`${s.name} ${r.method} ${r.url} → ${code}`);
      }
    }
    expect(leaks).toEqual([]);
    // The open routes are exactly health, metrics and what signing in needs.
    expect(open.sort()).toEqual(
      [
        'gateway GET /api/auth/me',
        'gateway GET /api/health',
        'gateway GET /health',
        'gateway GET /metrics',
        'gateway POST /api/auth/login',
        'gateway POST /api/auth/setup',
        'orchestrator GET /health',
        'orchestrator GET /metrics',
        'telemetry GET /health',
        'telemetry GET /metrics',
        'telemetry GET /v1/telemetry/stream',
      ].sort(),
    );
  });

  it('refuses each role that lacks the permission a route names, and names every route', async () => {
    const wrong: string[] = [];
    for (const s of servers()) {
      for (const r of routesOf(s.app).filter((x) => x.method !== 'HEAD' && x.method !== 'OPTIONS')) {
        const need = s.access(r.method, r.url);
        if (need === undefined) wrong.push(`${s.name} ${r.method} ${r.url}: not in the access table`);
        if (need === undefined || need === 'open') continue;
        for (const role of ['viewer', 'operator'] as const) {
          if (ROLE_PERMISSIONS[role].includes(need as Permission)) continue;
          const code = await status(s.base, r.method, r.url, s.as(role));
          if (code !== 403) wrong.push(`${s.name} ${r.method} ${r.url} as ${role} → ${code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
