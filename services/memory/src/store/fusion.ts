// Weighted reciprocal rank fusion of the dense and lexical rankings (Cormack et al., k = 60).
export const RRF_K = 60;

/**
 * How much the dense ranking counts next to BM25. A real embedding model is a ranker as strong as BM25; the lexical
 * fallback's hashed vectors are a weak one, and with an equal say they pull wrong documents above right ones (on the
 * retrieval evaluation in tests/fixtures/retrieval: recall@3 0.91 at 1.0, 0.98 at 0.25, 0.94 with BM25 alone).
 */
export const DENSE_WEIGHT = { model: 1, lexicalFallback: 0.25 } as const;

export interface Fused<K> {
  key: K;
  /** Normalised so that an item ranked first by both rankers scores 1. */
  score: number;
  denseRank: number;
  lexicalRank: number;
}

/** `dense` and `lexical` are keys in rank order (best first); returns every key, best first. */
export function reciprocalRankFusion<K>(dense: K[], lexical: K[], denseWeight = 1): Fused<K>[] {
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
    e.score += denseWeight / (RRF_K + rank + 1);
  });
  lexical.forEach((key, rank) => {
    const e = entry(key);
    if (e.lexicalRank >= 0) return;
    e.lexicalRank = rank;
    e.score += 1 / (RRF_K + rank + 1);
  });
  const best = (1 + denseWeight) / (RRF_K + 1);
  return [...out.values()]
    .map((e) => ({ ...e, score: Math.min(1, e.score / best) }))
    .sort((a, b) => b.score - a.score || minRank(a) - minRank(b));
}

function minRank(e: { denseRank: number; lexicalRank: number }): number {
  const ranks = [e.denseRank, e.lexicalRank].filter((r) => r >= 0);
  return Math.min(...ranks);
}
