// Mesh nodes in this process, on 127.0.0.1 only, each with its own folder; all stopped after each test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '@pagi/runtime';
import { generateSwarmKey } from '../../src/index.ts';
import { Mesh, type MeshOptions } from '../../src/mesh.ts';

export const SWARM_KEY = generateSwarmKey();
const logger = createLogger('mesh-test', process.env.MESH_TEST_LOG ?? 'silent');
const started: Mesh[] = [];

export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'pagi-mesh-'));

export function meshOptions(name: string, extra: Partial<MeshOptions> = {}): MeshOptions {
  const dir = extra.stateDir ?? tempDir();
  return {
    identityDir: path.join(dir, 'mesh'),
    stateDir: dir,
    swarmKey: SWARM_KEY,
    listen: ['/ip4/127.0.0.1/tcp/0'],
    bootstrap: [],
    mdns: false,
    trustedPeers: [],
    twinId: `twin-${name}`,
    nodeName: name,
    version: '1.0.0',
    role: 'voter',
    heartbeatMs: 200,
    suspectAfterMs: 700,
    offlineAfterMs: 1_500,
    clockWindowMs: 60_000,
    handshakeTimeoutMs: 3_000,
    health: async () => ({ cpu: 0.1, memory: 0.2, memory_count: 7, ingestion_queue: 0, pending_approvals: 1 }),
    logger,
    ...extra,
  };
}

export async function startNode(name: string, extra: Partial<MeshOptions> = {}): Promise<Mesh> {
  const mesh = await Mesh.start(meshOptions(name, extra));
  started.push(mesh);
  return mesh;
}

/** The address another node bootstraps to: the listen address with the peer id. */
export const addressOf = (mesh: Mesh) => `${mesh.status().listen_addresses[0]}`;

export async function stopAll(): Promise<void> {
  await Promise.all(started.splice(0).map((m) => m.stop().catch(() => undefined)));
}

/** The peers `mesh` lists with `status`, by name (itself excluded). */
export const listed = (mesh: Mesh, status = 'online') =>
  mesh.fleet
    .list()
    .filter((n) => !n.self && n.status === status)
    .map((n) => n.name)
    .sort();
