import { CodedError, type PathResponse } from '@pagi/contracts';
import { type Corpus, type Item, neighbourGraph } from './corpus.ts';
import { knn } from './knn.ts';

// The strongest semantic chain between two memories: over the nearest-neighbour graph, the path whose product of
// edge similarities is largest (Dijkstra on -log similarity), so one weak hop costs more than several strong ones.

const PATH_K = 8;
const MAX_GRAPH = 5000;

export async function strongestPath(corpus: Corpus, sourceId: string, targetId: string): Promise<PathResponse> {
  const s = corpus.byId.get(sourceId);
  const t = corpus.byId.get(targetId);
  if (s === undefined) throw new CodedError('not_found', `memory ${sourceId} is not in the knowledge base`);
  if (t === undefined) throw new CodedError('not_found', `memory ${targetId} is not in the knowledge base`);
  // The graph covers the stable sample plus both ends.
  const picked: Item[] = corpus.items.slice(0, MAX_GRAPH);
  for (const i of [s, t]) if (i >= MAX_GRAPH) picked.push(corpus.items[i]!);
  const index = new Map(picked.map((it, i) => [it.id, i]));
  const src = index.get(sourceId)!;
  const dst = index.get(targetId)!;
  if (src === dst)
    return { path: [{ id: sourceId, title: picked[src]!.title, similarity: 1 }], total_strength: 1, found: true };

  // The cached graph of the sample serves when both ends are in it; otherwise this graph is built for the request.
  const extended = picked.length > Math.min(MAX_GRAPH, corpus.items.length);
  const graph = extended
    ? await knn(
        picked.map((it) => it.vector),
        PATH_K,
      )
    : await neighbourGraph(corpus, picked.length);
  const neighbours = graph.map((ns) => ns.slice(0, PATH_K));
  const adj: Map<number, number>[] = picked.map(() => new Map());
  neighbours.forEach((ns, i) => {
    for (const nb of ns) {
      if (nb.similarity <= 0) continue;
      adj[i]!.set(nb.index, Math.max(adj[i]!.get(nb.index) ?? 0, nb.similarity));
      adj[nb.index]!.set(i, Math.max(adj[nb.index]!.get(i) ?? 0, nb.similarity));
    }
  });

  const n = picked.length;
  const cost = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  cost[src] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && cost[i]! < Infinity && (u < 0 || cost[i]! < cost[u]!)) u = i;
    if (u < 0 || u === dst) break;
    done[u] = 1;
    for (const [v, sim] of adj[u]!) {
      const c = cost[u]! - Math.log(Math.min(1, sim));
      if (c < cost[v]!) {
        cost[v] = c;
        prev[v] = u;
      }
    }
  }
  if (cost[dst] === Infinity) return { path: [], total_strength: 0, found: false };
  const chain: number[] = [];
  for (let v = dst; v >= 0; v = prev[v]!) chain.unshift(v);
  const path = chain.map((v, i) => ({
    id: picked[v]!.id,
    title: picked[v]!.title,
    similarity: i === 0 ? 1 : Number((adj[chain[i - 1]!]!.get(v) ?? 0).toFixed(4)),
  }));
  return { path, total_strength: Number(Math.exp(-cost[dst]!).toFixed(6)), found: true };
}
