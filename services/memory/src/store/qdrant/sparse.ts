import { fnv1a, words } from '../../text/tokens.ts';

// Sparse term vectors for Qdrant's BM25: documents carry BM25-saturated term frequencies, Qdrant multiplies in the
// IDF (the collection's `modifier: idf`) at query time, and queries carry each distinct term once.
const K1 = 1.2;
const B = 0.75;
/** Typical chunk length in words; chunks are 256–1024 tokens. */
const AVG_LEN = 200;

export interface SparseVector {
  indices: number[];
  values: number[];
}

function termCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const w of words(text)) {
    const h = fnv1a(w);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return counts;
}

export function documentSparse(text: string): SparseVector {
  const counts = termCounts(text);
  let len = 0;
  for (const c of counts.values()) len += c;
  const norm = K1 * (1 - B + (B * len) / AVG_LEN);
  const indices = [...counts.keys()];
  return { indices, values: indices.map((i) => (counts.get(i)! * (K1 + 1)) / (counts.get(i)! + norm)) };
}

export function querySparse(text: string): SparseVector {
  const indices = [...termCounts(text).keys()];
  return { indices, values: indices.map(() => 1) };
}
