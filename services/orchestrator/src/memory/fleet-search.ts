import type { MemoryQueryResponse } from '@pagi/contracts';
import type { MemoryClient, MemorySearch } from '@pagi/runtime';
import type { MemorySharing } from '../exchange/memory-sharing.ts';
import { domainAttribution, searchMemory } from './memory-search.ts';

/**
 * A memory search across the fleet: this twin's own search and every online peer's answer, asked at once; a peer that
 * has not answered by the deadline is left out (and named as such). Hits merge by score, each naming its peer.
 */
export async function searchFleet(
  memory: MemoryClient,
  sharing: MemorySharing,
  q: MemorySearch & { top_k: number },
  minScore: number,
  deadlineMs: number,
): Promise<MemoryQueryResponse> {
  const [local, fleet] = await Promise.all([
    searchMemory(memory, q, minScore),
    sharing.inbound.searchFleet({ query: q.query, domains: q.domains, top_k: q.top_k }, deadlineMs),
  ]);
  const merged = [...local.hits, ...fleet.hits.filter((h) => h.score >= minScore)]
    .sort((a, b) => b.score - a.score)
    .slice(0, q.top_k);
  return {
    results: merged,
    total: local.total + fleet.hits.length,
    domain_attribution: domainAttribution(merged),
    peers: fleet.peers,
  };
}
