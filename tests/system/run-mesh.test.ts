// `make run-mesh N=2` / `make stop-mesh` as a person runs them: two complete twins, each its own dev stack with its
// own data folder and ports shifted by 1000×K, find each other on 127.0.0.1 and share one swarm key; stop leaves
// nothing running. Base ports come from the test's reservations so the run cannot clash with anything else.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../scripts/stack/catalog.ts';
import { devEnv } from '../helpers/dev-env.ts';
import { lockPort, reservePort } from '../helpers/ports.ts';
import { REPO_ROOT } from '../helpers/stack.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'pagi-run-mesh-'));
// The tools service's sandbox user must be able to reach its folder inside.
chmodSync(dataDir, 0o755);
const ADMIN_KEY = 'run-mesh-admin-key-0123456789abcdef';
const env: NodeJS.ProcessEnv = {
  ...devEnv(dataDir, ADMIN_KEY),
  N: '2',
  MESH_HEARTBEAT_MS: '500',
  MESH_SUSPECT_AFTER_MS: '2000',
  MESH_OFFLINE_AFTER_MS: '4000',
};
const script = (name: string) =>
  run(process.execPath, [path.join(REPO_ROOT, 'scripts/mesh', name)], { cwd: REPO_ROOT, env, timeout: 400_000 });

/** A base port whose +1000 and +2000 are free too (and held for this test). */
async function base(): Promise<number> {
  for (;;) {
    const p = await reservePort();
    if (p + 2000 < 32_000 && lockPort(p + 1000) && lockPort(p + 2000)) return p;
  }
}

afterAll(async () => {
  await script('down.ts').catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('make run-mesh', () => {
  it('starts two twins that list each other online, and stops them', async () => {
    for (const spec of CATALOG) for (const v of Object.keys(spec.ports)) env[v] = String(await base());
    env.MESH_PORT = String(await base());
    const up = await script('up.ts').catch((err: Error & { stdout?: string }) => {
      throw new Error(`${err.message}\n${err.stdout?.slice(-3000)}`);
    });
    expect(up.stdout).toContain('2 twins are running');
    const orchestrator = (k: number) => `http://127.0.0.1:${Number(env.ORCHESTRATOR_HTTP_PORT) + 1000 * k}`;
    const get = async (k: number, route: string) =>
      (await fetch(`${orchestrator(k)}${route}`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json();
    const online = async (k: number) =>
      ((await get(k, '/api/phoenix/fleet')) as { nodes: Array<{ name: string; status: string; self: boolean }> }).nodes
        .filter((n) => !n.self && n.status === 'online')
        .map((n) => n.name);
    await expect.poll(() => online(1), { timeout: 20_000 }).toEqual(['twin-2']);
    await expect.poll(() => online(2), { timeout: 20_000 }).toEqual(['twin-1']);
    const [one, two] = (await Promise.all([get(1, '/api/phoenix/status'), get(2, '/api/phoenix/status')])) as Array<{
      swarm_key_fingerprint: string;
      listen_addresses: string[];
    }>;
    expect(one!.swarm_key_fingerprint).toBe(two!.swarm_key_fingerprint);
    expect(one!.listen_addresses[0]).toContain(`/ip4/127.0.0.1/tcp/${Number(env.MESH_PORT) + 1000}/`);

    const down = await script('down.ts');
    expect(down.stdout.match(/stopped/g)?.length).toBe(2);
    await expect(fetch(`${orchestrator(1)}/health`)).rejects.toThrow();
  }, 420_000);
});
