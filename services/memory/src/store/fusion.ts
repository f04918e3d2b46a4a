// Reciprocal rank fusion of the dense and lexical rankings (Cormack et al., k = 60).
export const RRF_K = 60;

export interface Fused<K> {
  key: K;
  /** Normalised so that an item ranked first by both rankers scores 1. */
  score: number;
  denseRank: number;
  lexicalRank: number;
}

/** `dense` and `lexical` are keys in rank order (best first); returns every key, best first. */
export function reciprocalRankFusion<K>(dense: K[], lexical: K[]): Fused<K>[] {
  const out = new Map<K, Fused<K>>();
  const entry = (key: K) => {
    let e = out.get(key);
    if (!e) {
      e = { key, score: 0, denseRank: -1, lexicalRank: -1 };
      out.set(key, e);
    }
    return e;
  };
  dense.forEach((key, rank) => {
    const e = entry(key);
    if (e.denseRank >= 0) return;
    e.denseRank = rank;
    e.score += 1 / (RRF_K + rank + 1);
  });
  lexical.forEach((key, rank) => {
    const e = entry(key);
    if (e.lexicalRank >= 0) return;
    e.lexicalRank = rank;
    e.score += 1 / (RRF_K + rank + 1);
  });
  const best = 2 / (RRF_K + 1);
  return [...out.values()]
    .map((e) => ({ ...e, score: Math.min(1, e.score / best) }))
    .sort((a, b) => b.score - a.score || minRank(a) - minRank(b));
}

function minRank(e: { denseRank: number; lexicalRank: number }): number {
  const ranks = [e.denseRank, e.lexicalRank].filter((r) => r >= 0);
  return Math.min(...ranks);
}
