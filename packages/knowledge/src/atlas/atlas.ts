import type { AtlasResponse } from '@pagi/contracts';
import { seededRandom } from '@pagi/runtime';
import { PCA } from 'ml-pca';
import { UMAP } from 'umap-js';
import { type Corpus, type Item, neighbourGraph } from './corpus.ts';
import { type Neighbour, project } from './knn.ts';

// The knowledge atlas: a stable sample of the knowledge memories laid out in 3D by PCA (fast, linear) or UMAP
// (slower, keeps neighbourhoods), with edges between nearest neighbours that are similar enough.

const EDGE_K = 5;
const UMAP_NEIGHBOURS = 15;
const UMAP_EPOCHS = 200;

export interface AtlasOptions {
  method: 'pca' | 'umap';
  maxNodes: number;
  minSimilarity: number;
}

/** Scales each axis to [-1, 1] so clients can draw without knowing the method. */
function rescale(points: number[][]): number[][] {
  const dims = 3;
  const lo = Array(dims).fill(Infinity);
  const hi = Array(dims).fill(-Infinity);
  for (const p of points)
    for (let d = 0; d < dims; d++) {
      lo[d] = Math.min(lo[d], p[d] ?? 0);
      hi[d] = Math.max(hi[d], p[d] ?? 0);
    }
  return points.map((p) =>
    Array.from({ length: dims }, (_, d) => {
      const span = hi[d] - lo[d];
      return span > 0 ? Number(((((p[d] ?? 0) - lo[d]) / span) * 2 - 1).toFixed(5)) : 0;
    }),
  );
}

/**
 * PCA through ml-pca on the covariance matrix, computed here with typed arrays (ml-pca's own SVD/NIPALS on a
 * 5,000 × 384 matrix takes tens of seconds); the projection keeps only the three leading eigenvectors.
 */
function pcaLayout(items: Item[]): number[][] {
  const n = items.length;
  if (n < 3) return items.map((_, i) => [i, 0, 0]);
  const d = items[0]!.vector.length;
  const mean = new Float64Array(d);
  for (const it of items) for (let j = 0; j < d; j++) mean[j]! += it.vector[j]!;
  for (let j = 0; j < d; j++) mean[j]! /= n;
  const cov = new Float64Array(d * d);
  const x = new Float64Array(d);
  for (const it of items) {
    for (let j = 0; j < d; j++) x[j] = it.vector[j]! - mean[j]!;
    for (let a = 0; a < d; a++) {
      const xa = x[a]!;
      if (xa === 0) continue;
      const row = a * d;
      for (let b = a; b < d; b++) cov[row + b]! += xa * x[b]!;
    }
  }
  const matrix = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => (a <= b ? cov[a * d + b]! : cov[b * d + a]!) / (n - 1)),
  );
  const pca = new PCA(matrix, { isCovarianceMatrix: true });
  const vectors = pca.getEigenvectors().to2DArray();
  return items.map((it) => {
    const out = [0, 0, 0];
    for (let j = 0; j < d; j++) {
      const c = it.vector[j]! - mean[j]!;
      const row = vectors[j]!;
      out[0]! += c * row[0]!;
      out[1]! += c * (row[1] ?? 0);
      out[2]! += c * (row[2] ?? 0);
    }
    return out;
  });
}

async function umapLayout(items: Item[], neighbours: Neighbour[][]): Promise<number[][]> {
  const n = items.length;
  if (n < 4) return pcaLayout(items);
  const k = Math.min(UMAP_NEIGHBOURS, n - 1);
  const umap = new UMAP({
    nComponents: 3,
    nNeighbors: k,
    nEpochs: UMAP_EPOCHS,
    minDist: 0.1,
    random: seededRandom(42),
  });
  // UMAP's own neighbour search is the slow part; it reuses the graph already computed for the edges.
  umap.setPrecomputedKNN(
    neighbours.map((ns, i) => [i, ...ns.slice(0, k - 1).map((x) => x.index)]),
    neighbours.map((ns) => [0, ...ns.slice(0, k - 1).map((x) => Math.max(0, 1 - x.similarity))]),
  );
  const epochs = umap.initializeFit(project(items.map((it) => it.vector)).map((v) => Array.from(v)));
  for (let e = 0; e < epochs; e++) {
    umap.step();
    if (e % 10 === 9) await new Promise((r) => setImmediate(r));
  }
  return umap.getEmbedding();
}

export async function buildAtlas(corpus: Corpus, opts: AtlasOptions): Promise<AtlasResponse> {
  const items = corpus.items.slice(0, opts.maxNodes);
  const neighbours = await neighbourGraph(corpus, items.length);
  const coords = rescale(opts.method === 'umap' ? await umapLayout(items, neighbours) : pcaLayout(items));
  const seen = new Set<string>();
  const edges: AtlasResponse['edges'] = [];
  neighbours.forEach((ns, i) => {
    for (const nb of ns.slice(0, EDGE_K)) {
      if (nb.similarity < opts.minSimilarity) continue;
      const [a, b] = i < nb.index ? [i, nb.index] : [nb.index, i];
      const key = `${a}:${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ source: items[a]!.id, target: items[b]!.id, similarity: Number(nb.similarity.toFixed(4)) });
    }
  });
  return {
    nodes: items.map((it, i) => ({
      id: it.id,
      x: coords[i]![0]!,
      y: coords[i]![1]!,
      z: coords[i]![2]!,
      domain: it.domain,
      title: it.title,
      snippet: it.snippet,
      ...(it.source ? { source: it.source, chunk: it.chunk } : {}),
    })),
    edges,
    total: corpus.total,
    method: opts.method,
  };
}
