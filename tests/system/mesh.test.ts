// The Phoenix mesh with real processes: three twins (orchestrators with the mesh on) bootstrapped to each other on
// 127.0.0.1 find each other, keep out nodes without the key, of another protocol or off the allowlist, and follow a
// twin that is killed and restarted. Every packet stays on loopback.

import { generateSwarmKey, type Mesh } from '@pagi/mesh';
import { createClient, loadProto, unary } from '@pagi/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meshTwinEnv, startMeshNode } from '../helpers/mesh-node.ts';
import { reservePort } from '../helpers/ports.ts';
import { TEST_SERVICE_TOKEN } from '../helpers/service-token.ts';
import { openSse } from '../helpers/sse-client.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const KEY = generateSwarmKey();

interface Twin {
  name: string;
  stack: Stack;
  peerId: string;
  address: string;
}

const twins: Twin[] = [];
const extra: Stack[] = [];
const nodes: Mesh[] = [];

async function get<T>(stack: Stack, route: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${stack.url('orchestrator')}${route}`);
  return { status: res.status, body: (await res.json()) as T };
}

interface FleetNode {
  peer_id: string;
  name: string;
  status: string;
  self: boolean;
  health: { memory_count: number; pending_approvals: number } | null;
}

const fleet = async (t: Twin) => (await get<{ nodes: FleetNode[] }>(t.stack, '/api/phoenix/fleet')).body.nodes;
const online = async (t: Twin) =>
  (await fleet(t))
    .filter((n) => !n.self && n.status === 'online')
    .map((n) => n.name)
    .sort();

async function startTwin(name: string, env: Record<string, string> = {}): Promise<Twin> {
  const port = await reservePort();
  const stack = await startStack({
    services: ['orchestrator'],
    env: {
      LOG_LEVEL: 'info',
      ...(await meshTwinEnv(KEY, name, port)),
      ...env,
    },
  });
  const status = (await get<{ peer_id: string; listen_addresses: string[] }>(stack, '/api/phoenix/status')).body;
  return { name, stack, peerId: status.peer_id, address: status.listen_addresses[0]! };
}

beforeAll(async () => {
  const first = await startTwin('one');
  twins.push(first);
  twins.push(...(await Promise.all(['two', 'three'].map((n) => startTwin(n, { MESH_BOOTSTRAP: first.address })))));
}, 60_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  for (const s of [...twins.map((t) => t.stack), ...extra]) await s.close();
});

describe('mesh of three twins on loopback', () => {
  it('lists every twin online on every twin, over HTTP and gRPC', async () => {
    for (const t of twins) {
      await expect
        .poll(() => online(t), { timeout: 15_000 })
        .toEqual(
          twins
            .filter((o) => o !== t)
            .map((o) => o.name)
            .sort(),
        );
    }
    const status = (await get<Record<string, unknown>>(twins[0]!.stack, '/api/phoenix/status')).body;
    expect(status).toMatchObject({ enabled: true, peer_id: twins[0]!.peerId, peers_connected: 2 });
    expect(String(status.swarm_key_fingerprint)).toMatch(/^[0-9a-f]{4}(:[0-9a-f]{4}){3}$/);
    expect(JSON.stringify(status)).not.toContain(KEY.split('\n')[2]!);

    const one = await get<FleetNode>(twins[0]!.stack, `/api/phoenix/fleet/${twins[1]!.peerId}`);
    expect(one.body).toMatchObject({ name: 'two', status: 'online', self: false });
    expect(one.body.health).toMatchObject({ pending_approvals: 0 });
    expect(
      (await get(twins[0]!.stack, '/api/phoenix/fleet/12D3KooWQVttyy74Y77jkTugtcZAZKzpECFuhFGzLCdztNweUuuj')).status,
    ).toBe(404);
    expect((await get(twins[0]!.stack, '/api/phoenix/fleet/bad!id')).status).toBe(400);

    const client = createClient(
      loadProto('orchestrator').orchestrator.OrchestratorService,
      `127.0.0.1:${twins[0]!.stack.ports.ORCHESTRATOR_GRPC_PORT}`,
      TEST_SERVICE_TOKEN,
    );
    const listed = await unary(client, 'ListFleet', {});
    expect(listed.nodes.map((n) => n.name).sort()).toEqual(['one', 'three', 'two']);
    expect((await unary(client, 'GetMeshStatus', {})).peer_id).toBe(twins[0]!.peerId);
    client.close();
  });

  it('never registers a node with the wrong key, an incompatible protocol, or off the allowlist', async () => {
    const [one] = twins;
    const wrongKey = await startTwin('wrong-key', { MESH_SWARM_KEY: generateSwarmKey(), MESH_BOOTSTRAP: one!.address });
    extra.push(wrongKey.stack);
    // An allowlisting twin: only `one` may join it; `two` tries anyway.
    const picky = await startTwin('picky', { MESH_TRUSTED_PEERS: one!.peerId, MESH_BOOTSTRAP: one!.address });
    extra.push(picky.stack);
    // A node of an older mesh protocol, in this process.
    const old = await startMeshNode('old', { swarmKey: KEY, bootstrap: [one!.address], protocolVersions: ['0.9'] });
    nodes.push(old);

    await expect.poll(() => online(picky), { timeout: 15_000 }).toEqual(['one']);
    await new Promise((r) => setTimeout(r, 3_000));
    for (const t of twins) {
      const names = (await fleet(t)).map((n) => n.name);
      expect(names).not.toContain('wrong-key');
      expect(names).not.toContain('old');
    }
    expect((await fleet(picky)).map((n) => n.name).sort()).toEqual(['one', 'picky']);
    expect(picky.stack.logs('orchestrator')).toContain('peer id not in MESH_TRUSTED_PEERS');
    expect(twins[0]!.stack.logs('orchestrator')).toContain('incompatible protocol: peer speaks 0.9');
    expect(old.fleet.list().filter((n) => !n.self)).toEqual([]);
    await old.stop();
    await picky.stack.close();
    await wrongKey.stack.close();
    extra.length = 0;
  });

  it('marks a killed twin suspect then offline, and online again as the same peer after a restart', async () => {
    const [one, , three] = twins;
    const events = await openSse(`${one!.stack.url('orchestrator')}/api/phoenix/fleet/events`);
    const statusOf = async () => (await fleet(one!)).find((n) => n.peer_id === three!.peerId)?.status;
    const killedAt = Date.now();
    await three!.stack.stop('orchestrator', 'SIGKILL');
    await expect.poll(statusOf, { timeout: 5_000, interval: 100 }).toBe('suspect');
    await expect.poll(statusOf, { timeout: 6_000, interval: 100 }).toBe('offline');
    // Thresholds 1.5 s and 3 s after the last heartbeat, checked on each 0.3 s heartbeat.
    expect(Date.now() - killedAt).toBeLessThan(3_000 + 300 + 1_500);

    await three!.stack.start('orchestrator');
    const status = (await get<{ peer_id: string }>(three!.stack, '/api/phoenix/status')).body;
    expect(status.peer_id).toBe(three!.peerId);
    await expect.poll(statusOf, { timeout: 10_000 }).toBe('online');
    await expect.poll(() => online(three!), { timeout: 10_000 }).toEqual(['one', 'two']);
    const seen = (events.events as Array<{ type: string; name: string }>).filter((e) => e.name === 'three');
    expect(seen.map((e) => e.type)).toEqual(['status', 'left', 'joined']);
    events.close();
  });
});

describe('mesh switched off', () => {
  it('says how to turn it on, and refuses to start without a swarm key', async () => {
    const stack = await startStack({ services: ['orchestrator'], env: { LOG_LEVEL: 'warn' } });
    extra.push(stack);
    const status = await get<{ enabled: boolean; hint: string }>(stack, '/api/phoenix/status');
    expect(status.body).toMatchObject({ enabled: false });
    expect(status.body.hint).toContain('MESH_ENABLED=true');
    const fleetRes = await get<{ error: { code: string } }>(stack, '/api/phoenix/fleet');
    expect(fleetRes.status).toBe(409);
    expect(fleetRes.body.error.code).toBe('failed_precondition');
    await stack.close();
    extra.length = 0;

    await expect(
      startStack({ services: ['orchestrator'], env: { MESH_ENABLED: 'true' }, startTimeoutMs: 10_000 }),
    ).rejects.toThrow(/MESH_SWARM_KEY/);
  });
});
