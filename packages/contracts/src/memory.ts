import { z } from 'zod';
import { Domain } from './domains.ts';
import { Namespace } from './ids.ts';

/** POST /api/memory/query */
export const MemoryQueryRequest = z.object({
  query: z.string().min(1).max(4096),
  namespace: Namespace.optional(),
  top_k: z.number().int().min(1).max(100).optional(),
  domains: z.array(Domain).optional(),
  /** Hits scoring below this are left out (default: the orchestrator's MEMORY_MIN_SCORE). */
  min_score: z.number().min(0).max(1).optional(),
  /** fleet: also ask every online peer of the mesh, each answering from what it shares with this twin. */
  scope: z.enum(['local', 'fleet']).default('local'),
  /** With scope fleet: how long to wait for peers (default MESH_FLEET_SEARCH_DEADLINE_MS). */
  deadline_ms: z.number().int().min(50).max(60_000).optional(),
});
export type MemoryQueryRequest = z.infer<typeof MemoryQueryRequest>;

export const MemoryHit = z.object({
  id: z.string(),
  content: z.string(),
  domain: z.string(),
  score: z.number(),
  source_file: z.string().optional(),
  chunk_index: z.number().int().optional(),
  title: z.string().optional(),
  metadata: z.record(z.string(), z.string()),
  /** Every file this exact text was found in (copies of a document are one hit), when there is more than one. */
  sources: z.array(z.string()).optional(),
  /** The peer this hit came from, in a fleet search (absent: this twin). */
  peer: z.string().optional(),
  peer_name: z.string().nullable().optional(),
});
export type MemoryHit = z.infer<typeof MemoryHit>;

/** Each domain's share of the results and its mean score. */
export const DomainAttribution = z.record(
  z.string(),
  z.object({ share: z.number(), mean_score: z.number(), count: z.number().int() }),
);
export type DomainAttribution = z.infer<typeof DomainAttribution>;

export const MemoryQueryResponse = z.object({
  results: z.array(MemoryHit),
  total: z.number().int(),
  domain_attribution: DomainAttribution,
  /** In a fleet search: how each peer answered (ok, refused, timeout or error), its hits and time. */
  peers: z
    .array(
      z.object({
        peer: z.string(),
        name: z.string().nullable(),
        status: z.enum(['ok', 'refused', 'timeout', 'error']),
        hits: z.number().int(),
        ms: z.number(),
      }),
    )
    .optional(),
});
export type MemoryQueryResponse = z.infer<typeof MemoryQueryResponse>;
