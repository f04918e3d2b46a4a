// `make run-dev` / `make stop-dev` as a person runs them: the whole stack starts in order and prints the URL, a second
// start says it is already running, and stop leaves no process behind.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ServicesHealthResponse } from '@pagi/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../scripts/stack/catalog.ts';
import { devEnv } from '../helpers/dev-env.ts';
import { reservePort } from '../helpers/ports.ts';
import { REPO_ROOT } from '../helpers/stack.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'pagi-dev-'));
let env: NodeJS.ProcessEnv;
const script = (name: string) =>
  run(process.execPath, [path.join(REPO_ROOT, 'scripts/dev', name)], { cwd: REPO_ROOT, env, timeout: 240_000 });

const ADMIN_KEY = 'dev-harness-admin-key-0123456789abcdef';
const AS_ADMIN = { authorization: `Bearer ${ADMIN_KEY}` };

/** Processes whose process group is the supervisor's. */
async function groupMembers(pgid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-eo', 'pid=,pgid=']);
  return stdout
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter(([, g]) => g === pgid)
    .map(([p]) => p!);
}

/** The process id of a service, as the supervisor recorded it. */
const servicePid = (name: string): number =>
  JSON.parse(readFileSync(path.join(dataDir, 'run', 'supervisor.json'), 'utf8')).services[name].pid;

async function until<T>(fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(async () => {
  await script('down.ts').catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

describe('dev harness', () => {
  it('starts every service, refuses a second start, and stops everything it started', async () => {
    // The defaults of `make run-dev`: accounts on, the service token made in the data folder at first start.
    env = devEnv(dataDir, ADMIN_KEY);
    for (const spec of CATALOG) for (const v of Object.keys(spec.ports)) env[v] = String(await reservePort());

    const up = await script('up.ts');
    expect(up.stdout).toContain(`Open http://127.0.0.1:${env.FRONTEND_PORT} in your browser`);
    expect(statSync(path.join(dataDir, 'state', 'service-token')).mode & 0o777).toBe(0o600);
    expect((await fetch(`http://127.0.0.1:${env.GATEWAY_PORT}/api/health/services`)).status).toBe(401);
    // Every service came up, each after the services it depends on.
    const healthyAt = (name: string) => up.stdout.indexOf(`${name} healthy`);
    for (const spec of CATALOG) {
      expect(healthyAt(spec.name), spec.name).toBeGreaterThanOrEqual(0);
      for (const dep of spec.after)
        expect(healthyAt(dep), `${dep} before ${spec.name}`).toBeLessThan(healthyAt(spec.name));
    }
    const health = await fetch(`http://127.0.0.1:${env.GATEWAY_PORT}/api/health/services`, { headers: AS_ADMIN });
    const services = ((await health.json()) as { services: { status: string }[] }).services;
    expect(services.every((s) => s.status === 'ok')).toBe(true);

    const pid = Number(readFileSync(path.join(dataDir, 'run', 'dev.pid'), 'utf8'));
    expect((await groupMembers(pid)).length).toBeGreaterThanOrEqual(CATALOG.length + 1);
    const again = await script('up.ts');
    expect(again.stdout).toContain('already running');

    // A service that dies is restarted, says so in the log, and the Hub's service view shows it.
    const telemetryPid = servicePid('telemetry');
    process.kill(telemetryPid, 'SIGKILL');
    const restarted = await until(async () => {
      const res = await fetch(`http://127.0.0.1:${env.GATEWAY_PORT}/api/health/services`, {
        headers: AS_ADMIN,
      }).catch(() => undefined);
      const body = res ? ServicesHealthResponse.parse(await res.json()) : undefined;
      const t = body?.services.find((s) => s.name === 'telemetry');
      return t?.status === 'ok' && t.restarts === 1 ? t : undefined;
    });
    expect(restarted.last_exit).toBe('SIGKILL');
    expect(servicePid('telemetry')).not.toBe(telemetryPid);
    // The gateway may see telemetry answer a moment before the supervisor's own health check says so in the log.
    const log = await until(async () => {
      const text = readFileSync(path.join(dataDir, 'run', 'dev.log'), 'utf8');
      return /telemetry healthy again/.test(text) ? text : undefined;
    }, 15_000);
    expect(log).toMatch(/telemetry exited \(SIGKILL\); restarting in 1 s/);

    const down = await script('down.ts');
    expect(down.stdout).toContain('stopped');
    expect(await groupMembers(pid)).toEqual([]);
  }, 300_000);
});
