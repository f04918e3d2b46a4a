import type { DomainAttribution, MemoryHit } from '@pagi/contracts';
import type { MemoryResult__Output } from '@pagi/contracts/gen/memory/MemoryResult.ts';
import type { MemoryClient, MemorySearch } from '@pagi/runtime';

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** A memory service result as the HTTP contract and the chat show it. */
function toHit(r: MemoryResult__Output): MemoryHit {
  return {
    id: r.id,
    content: r.content,
    domain: r.domain,
    score: r.score,
    ...(r.source?.file || r.metadata.source_file ? { source_file: r.source?.file || r.metadata.source_file } : {}),
    ...(r.source?.file ? { chunk_index: r.source.chunk_index } : {}),
    ...(r.metadata.title ? { title: r.metadata.title } : {}),
    metadata: r.metadata,
  };
}

/** Each domain's share of the results and its mean score ("unclassified" for results without a domain). */
export function domainAttribution(hits: MemoryHit[]): DomainAttribution {
  const groups = new Map<string, { count: number; sum: number }>();
  for (const h of hits) {
    const key = h.domain || 'unclassified';
    const g = groups.get(key) ?? { count: 0, sum: 0 };
    g.count += 1;
    g.sum += h.score;
    groups.set(key, g);
  }
  const out: DomainAttribution = {};
  for (const [domain, g] of groups) {
    out[domain] = { share: round(g.count / hits.length), mean_score: round(g.sum / g.count), count: g.count };
  }
  return out;
}

/** Extra results asked for, so that collapsing copies still leaves `top_k` distinct hits. */
const COPIES_MARGIN = 5;
const MAX_TOP_K = 100;

/** Identical texts (copies of one document) become one hit, the best ranked, listing every file it came from. */
export function collapseCopies(hits: MemoryHit[]): MemoryHit[] {
  const byText = new Map<string, MemoryHit>();
  for (const h of hits) {
    const first = byText.get(h.content.trim());
    if (!first) {
      byText.set(h.content.trim(), h);
      continue;
    }
    const sources = first.sources ?? (first.source_file ? [first.source_file] : []);
    if (h.source_file && !sources.includes(h.source_file)) sources.push(h.source_file);
    if (sources.length > 1) first.sources = sources;
  }
  return [...byText.values()];
}

/**
 * One memory search, as the chat's approved action and POST /api/memory/query both run it. Scores are absolute, so
 * hits below `minScore` are ones that share neither words nor meaning with the query: they are left out rather than
 * shown (and cited) as if they answered it.
 */
export async function searchMemory(memory: MemoryClient, q: MemorySearch, minScore: number) {
  const res = await memory.query({ ...q, top_k: Math.min(MAX_TOP_K, q.top_k + COPIES_MARGIN) });
  const relevant = collapseCopies(res.results.map(toHit)).filter((h) => h.score >= minScore);
  const hits = relevant.slice(0, q.top_k);
  return { hits, total: relevant.length, domain_attribution: domainAttribution(hits) };
}
