import { seededRandom } from '@pagi/runtime';

// Nearest neighbours by cosine similarity. Candidates come from a seeded random projection to a few dozen
// dimensions (distances survive it well), then every candidate is re-scored exactly on the full vectors, so the
// similarities reported on edges are true cosines.

const PROJECTED_DIMS = 48;
const CANDIDATES = 3;

export function normalize(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let s = 0;
  for (let i = 0; i < out.length; i++) s += out[i]! * out[i]!;
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= n;
  return out;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Gaussian random projection to `dims` dimensions, rows re-normalised. */
export function project(vectors: Float32Array[], dims = PROJECTED_DIMS): Float32Array[] {
  const d = vectors[0]?.length ?? 0;
  if (d <= dims) return vectors;
  const rand = seededRandom(0x5eed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  const m = new Float32Array(d * dims);
  for (let i = 0; i < m.length; i++) m[i] = gauss();
  return vectors.map((v) => {
    const out = new Float32Array(dims);
    for (let i = 0; i < d; i++) {
      const x = v[i]!;
      if (x === 0) continue;
      const row = i * dims;
      for (let j = 0; j < dims; j++) out[j]! += x * m[row + j]!;
    }
    return normalize(out);
  });
}

export interface Neighbour {
  index: number;
  similarity: number;
}

/** The k nearest neighbours of every vector (excluding itself), most similar first. */
/** Yields to the event loop every few hundred rows so a large graph does not stall other requests. */
export async function knn(vectors: Float32Array[], k: number): Promise<Neighbour[][]> {
  const n = vectors.length;
  const kk = Math.min(k, n - 1);
  if (kk <= 0) return vectors.map(() => []);
  const exact = n <= 600;
  const space = exact ? vectors : project(vectors);
  const want = exact ? kk : Math.min(n - 1, kk * CANDIDATES);
  // Top-`want` per row by the (projected) similarity, kept in small sorted arrays.
  const cand: { idx: Int32Array; sim: Float32Array; size: number }[] = Array.from({ length: n }, () => ({
    idx: new Int32Array(want),
    sim: new Float32Array(want).fill(-Infinity),
    size: 0,
  }));
  const push = (row: number, j: number, s: number) => {
    const c = cand[row]!;
    if (c.size === want && s <= c.sim[want - 1]!) return;
    let pos = c.size < want ? c.size++ : want - 1;
    while (pos > 0 && c.sim[pos - 1]! < s) {
      c.sim[pos] = c.sim[pos - 1]!;
      c.idx[pos] = c.idx[pos - 1]!;
      pos--;
    }
    c.sim[pos] = s;
    c.idx[pos] = j;
  };
  for (let i = 0; i < n; i++) {
    if (i % 256 === 255) await new Promise((r) => setImmediate(r));
    const a = space[i]!;
    for (let j = i + 1; j < n; j++) {
      const s = dot(a, space[j]!);
      push(i, j, s);
      push(j, i, s);
    }
  }
  return cand.map((c, i) => {
    const found: Neighbour[] = [];
    for (let t = 0; t < c.size; t++) {
      const j = c.idx[t]!;
      found.push({ index: j, similarity: exact ? c.sim[t]! : dot(vectors[i]!, vectors[j]!) });
    }
    return found.sort((x, y) => y.similarity - x.similarity).slice(0, kk);
  });
}
