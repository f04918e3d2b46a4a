import { z } from 'zod';

// The Fleet Manager's HTTP shapes (GET /api/phoenix/…): the orchestrator sends them, the browser checks them.

export const NodeStatus = z.enum(['online', 'suspect', 'offline']);
export type NodeStatus = z.infer<typeof NodeStatus>;

export const NodeHealth = z.object({
  /** Share of the host's CPU in use, 0–1. */
  cpu: z.number(),
  /** Share of the host's memory in use, 0–1. */
  memory: z.number(),
  /** Memories in the twin's knowledge base (-1: unknown). */
  memory_count: z.number(),
  ingestion_queue: z.number(),
  pending_approvals: z.number(),
});

export const FleetNode = z.object({
  peer_id: z.string(),
  twin_id: z.string(),
  name: z.string(),
  version: z.string(),
  role: z.string(),
  protocol_versions: z.array(z.string()),
  capabilities: z.array(z.string()),
  addresses: z.array(z.string()),
  first_seen_ms: z.number(),
  last_seen_ms: z.number(),
  status: NodeStatus,
  health: NodeHealth.nullable(),
  /** Round-trip time of the last ping in milliseconds; null before the first. */
  latency_ms: z.number().nullable(),
  /** This node. */
  self: z.boolean(),
});
export type FleetNode = z.infer<typeof FleetNode>;

export const FleetList = z.object({ nodes: z.array(FleetNode) });

export const FleetEvent = z.object({
  type: z.enum(['joined', 'left', 'status']),
  peer_id: z.string(),
  name: z.string(),
  status: NodeStatus,
  previous: NodeStatus.nullable(),
  at_ms: z.number(),
});
export type FleetEvent = z.infer<typeof FleetEvent>;

export const MeshStatus = z.union([
  z.object({
    enabled: z.literal(true),
    peer_id: z.string(),
    listen_addresses: z.array(z.string()),
    /** A short fingerprint of the swarm key, to compare between twins (never the key). */
    swarm_key_fingerprint: z.string(),
    peers_connected: z.number(),
    mdns: z.boolean(),
    bootstrap: z.array(z.string()),
  }),
  z.object({ enabled: z.literal(false), hint: z.string() }),
]);
export type MeshStatus = z.infer<typeof MeshStatus>;
