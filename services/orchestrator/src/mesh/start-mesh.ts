import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { type Appliers, Mesh } from '@pagi/mesh';
import { fromRoot, type Logger, type OrchestratorConfig } from '@pagi/runtime';
import { type HealthSources, nodeHealth } from './node-health.ts';

/** The twin's mesh node when MESH_ENABLED, else null (the fleet routes then say how to turn it on). */
export async function startMesh(
  config: OrchestratorConfig,
  logger: Logger,
  sources: HealthSources,
  appliers: Appliers,
): Promise<Mesh | null> {
  if (!config.MESH_ENABLED) return null;
  const { version } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };
  const name = config.MESH_NODE_NAME ?? hostname();
  return Mesh.start({
    identityDir: config.MESH_DIR,
    stateDir: config.STATE_DIR,
    // A file path is relative to the repository root, like every path in the configuration.
    swarmKey: existsSync(fromRoot(config.MESH_SWARM_KEY!)) ? fromRoot(config.MESH_SWARM_KEY!) : config.MESH_SWARM_KEY!,
    listen: config.MESH_LISTEN,
    bootstrap: config.MESH_BOOTSTRAP,
    mdns: config.MESH_MDNS,
    trustedPeers: config.MESH_TRUSTED_PEERS,
    twinId: config.MESH_TWIN_ID ?? name,
    nodeName: name,
    version,
    role: config.MESH_ROLE,
    heartbeatMs: config.MESH_HEARTBEAT_MS,
    suspectAfterMs: config.MESH_SUSPECT_AFTER_MS,
    offlineAfterMs: config.MESH_OFFLINE_AFTER_MS,
    clockWindowMs: config.MESH_CLOCK_WINDOW_MS,
    handshakeTimeoutMs: config.MESH_HANDSHAKE_TIMEOUT_MS,
    health: nodeHealth(sources),
    consensus: {
      file: path.join(config.STATE_DIR, 'consensus.sqlite'),
      appliers,
      quorumRatio: config.MESH_CONSENSUS_QUORUM,
      autoReject: config.MESH_CONSENSUS_AUTO_REJECT,
      tickMs: 1_000,
      resendTicks: 10,
      syncMs: config.MESH_CONSENSUS_SYNC_MS,
      requestTimeoutMs: config.MESH_HANDSHAKE_TIMEOUT_MS,
      // Votes signed just before the deadline may still be on their way: the proposer waits this long for them.
      graceMs: Math.min(5_000, config.MESH_CONSENSUS_SYNC_MS),
      maxSkewMs: config.MESH_CLOCK_WINDOW_MS,
      memberTtlMs: 24 * 3600_000,
    },
    exchange: {
      limits: {
        requests: config.MESH_EXCHANGE_REQUESTS_PER_MIN,
        bytes: config.MESH_EXCHANGE_BYTES_PER_MIN,
        windowMs: 60_000,
      },
      clockWindowMs: config.MESH_CLOCK_WINDOW_MS,
      timeoutMs: 10_000,
    },
    logger: logger.child({ part: 'mesh' }),
  });
}
