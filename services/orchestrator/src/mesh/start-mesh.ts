import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { Mesh } from '@pagi/mesh';
import { fromRoot, type Logger, type OrchestratorConfig } from '@pagi/runtime';
import { type HealthSources, nodeHealth } from './node-health.ts';

/** The twin's mesh node when MESH_ENABLED, else null (the fleet routes then say how to turn it on). */
export async function startMesh(
  config: OrchestratorConfig,
  logger: Logger,
  sources: HealthSources,
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
    logger: logger.child({ part: 'mesh' }),
  });
}
