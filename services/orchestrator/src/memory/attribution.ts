import type { DomainAttribution, MemoryHit } from '@pagi/kit/contracts/memory.ts';

const round = (n: number) => Math.round(n * 10_000) / 10_000;

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
