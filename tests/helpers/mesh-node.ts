// A mesh node in the test's own process, on 127.0.0.1, beside twins started as processes: an extra peer (an
// observer, an older protocol, one that leaves) whose behaviour the test controls.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Mesh, type MeshOptions } from '@pagi/mesh';
import { createLogger } from '@pagi/runtime';
import { reservePort } from './ports.ts';

/** Heartbeats fast enough for tests: suspect after 1.5 s of silence, offline after 3 s. */
export const FAST_MESH = { heartbeatMs: 300, suspectAfterMs: 1500, offlineAfterMs: 3000 };

/** The same timing as MESH_* variables, for twins started as processes. */
export const FAST_MESH_ENV = {
  MESH_HEARTBEAT_MS: String(FAST_MESH.heartbeatMs),
  MESH_SUSPECT_AFTER_MS: String(FAST_MESH.suspectAfterMs),
  MESH_OFFLINE_AFTER_MS: String(FAST_MESH.offlineAfterMs),
};

/**
 * The environment of a twin process with the mesh on, reachable on 127.0.0.1 only (no mDNS), with test heartbeats;
 * `port` is its mesh port (a fresh one when not given).
 */
export async function meshTwinEnv(swarmKey: string, name: string, port?: number): Promise<Record<string, string>> {
  return {
    MESH_ENABLED: 'true',
    MESH_SWARM_KEY: swarmKey,
    MESH_LISTEN: `/ip4/127.0.0.1/tcp/${port ?? (await reservePort())}`,
    MESH_MDNS: 'false',
    MESH_NODE_NAME: name,
    MESH_TWIN_ID: `twin-${name}`,
    ...FAST_MESH_ENV,
  };
}

export function startMeshNode(
  name: string,
  opts: Pick<MeshOptions, 'swarmKey' | 'bootstrap'> & Partial<MeshOptions>,
): Promise<Mesh> {
  const dir = mkdtempSync(path.join(tmpdir(), `pagi-mesh-${name}-`));
  return Mesh.start({
    identityDir: dir,
    stateDir: dir,
    listen: ['/ip4/127.0.0.1/tcp/0'],
    mdns: false,
    trustedPeers: [],
    twinId: `twin-${name}`,
    nodeName: name,
    version: '1.0.0',
    role: 'voter',
    ...FAST_MESH,
    clockWindowMs: 60_000,
    handshakeTimeoutMs: 3_000,
    health: async () => ({ cpu: 0, memory: 0, memory_count: 0, ingestion_queue: 0, pending_approvals: 0 }),
    logger: createLogger(`mesh-${name}`, 'silent'),
    ...opts,
  });
}
