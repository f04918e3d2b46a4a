import { PROPOSAL_KINDS } from '@pagi/contracts';
import { z } from 'zod';
import { bool, choice, int, num, optionalStr } from '../fields.ts';

/** A comma-separated list (blank entries dropped). */
const list = (fallback: string[]) =>
  z
    .string()
    .optional()
    .transform((v) =>
      v === undefined || v.trim() === ''
        ? fallback
        : v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    );

/** The Phoenix mesh's settings, part of the orchestrator's (the mesh runs inside it). */
export const meshFields = {
  /** Join the mesh of twins (libp2p on MESH_LISTEN); needs MESH_SWARM_KEY. */
  MESH_ENABLED: bool(false),
  /** The private mesh's pre-shared key: 64 hex digits, a swarm.key file's text, or its path (`make mesh-key`). */
  MESH_SWARM_KEY: optionalStr(),
  /** Multiaddrs to listen on. */
  MESH_LISTEN: list(['/ip4/0.0.0.0/tcp/50058']),
  /** Multiaddrs (with /p2p/<peer id>) of nodes to connect to on other networks. */
  MESH_BOOTSTRAP: list([]),
  /** Find nodes on the local network by multicast DNS. */
  MESH_MDNS: bool(true),
  /** Peer ids allowed in; empty: any node holding the swarm key. */
  MESH_TRUSTED_PEERS: list([]),
  /** This node's name in the fleet (default: the host name). */
  MESH_NODE_NAME: optionalStr(),
  /** The twin this node belongs to (default: the node name). */
  MESH_TWIN_ID: optionalStr(),
  /** voter (takes part in mesh-wide decisions) or observer. */
  MESH_ROLE: choice(['voter', 'observer'], 'voter'),
  MESH_HEARTBEAT_MS: int(5_000, 100, 600_000),
  /** A node not heard from this long is suspect, and offline after MESH_OFFLINE_AFTER_MS. */
  MESH_SUSPECT_AFTER_MS: int(15_000, 100),
  MESH_OFFLINE_AFTER_MS: int(45_000, 100),
  /** Heartbeats whose send time is further than this from this node's clock are refused (replays). */
  MESH_CLOCK_WINDOW_MS: int(120_000, 1_000),
  MESH_HANDSHAKE_TIMEOUT_MS: int(5_000, 100, 60_000),
  /** Consensus Sync: the share of a proposal's voters whose accept votes carry it (at least a strict majority). */
  MESH_CONSENSUS_QUORUM: num(2 / 3, 0.5, 1),
  /** How long a proposal stays open for votes unless it says otherwise. */
  MESH_CONSENSUS_DEADLINE_S: int(86_400, 10, 30 * 86_400),
  /** Kinds of change this node rejects on sight (agent_template, playbook, tool_policy, tool_install, system_prompt). */
  MESH_CONSENSUS_AUTO_REJECT: list([]).pipe(z.array(z.enum(PROPOSAL_KINDS))),
  /** How often this node catches up with a random peer (it also does on every new connection). */
  MESH_CONSENSUS_SYNC_MS: int(15_000, 100, 3_600_000),
  /** Memory Exchange: requests and bytes one peer may send per minute. */
  MESH_EXCHANGE_REQUESTS_PER_MIN: int(120, 1, 100_000),
  MESH_EXCHANGE_BYTES_PER_MIN: int(16 * 1024 * 1024, 1024),
  /** The chat's memory searches also ask the fleet's online peers (each answers from what it shares with this twin). */
  MESH_CHAT_FLEET_SEARCH: bool(false),
  /** A federated memory search waits this long for peers; later answers are left out. */
  MESH_FLEET_SEARCH_DEADLINE_MS: int(1_500, 50, 60_000),
};

/** Cross-field rules: a mesh needs its key, and thresholds in order. */
export function checkMesh(
  c: {
    MESH_ENABLED: boolean;
    MESH_SWARM_KEY?: string;
    MESH_SUSPECT_AFTER_MS: number;
    MESH_OFFLINE_AFTER_MS: number;
    MESH_HEARTBEAT_MS: number;
  },
  ctx: z.RefinementCtx,
): void {
  if (!c.MESH_ENABLED) return;
  if (!c.MESH_SWARM_KEY)
    ctx.addIssue({
      code: 'custom',
      path: ['MESH_SWARM_KEY'],
      message: 'required when MESH_ENABLED=true (make mesh-key makes one)',
    });
  if (c.MESH_SUSPECT_AFTER_MS <= c.MESH_HEARTBEAT_MS)
    ctx.addIssue({ code: 'custom', path: ['MESH_SUSPECT_AFTER_MS'], message: 'must exceed MESH_HEARTBEAT_MS' });
  if (c.MESH_OFFLINE_AFTER_MS <= c.MESH_SUSPECT_AFTER_MS)
    ctx.addIssue({ code: 'custom', path: ['MESH_OFFLINE_AFTER_MS'], message: 'must exceed MESH_SUSPECT_AFTER_MS' });
}
