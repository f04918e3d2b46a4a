// One shard of the embedded store's vector indexes, in a worker thread: HNSW inserts are the bulk of a commit's cost
// and a dense search a third of a hybrid query's, and here both run beside the service's own thread (SQLite writes,
// the lexical side, gRPC) and beside the other shards instead of after them. A shard holds the memories whose seq is
// `shard` modulo `shards`, of every collection. Requests are answered strictly in order, so a search always sees every
// write posted before it.
import { parentPort, workerData } from 'node:worker_threads';
import { graphFile, writeGraph } from './index-files.ts';
import { loadIndex } from './index-load.ts';
import { type IndexParams, VectorCollection } from './vector-collection.ts';
import { VectorRows } from './vector-rows.ts';

export interface VectorWorkerConfig {
  dbFile: string;
  vectorsDir: string;
  embedder: string;
  index: IndexParams;
  /** Collections to load at start (the ones SQLite holds). */
  names: string[];
  shard: number;
  shards: number;
}

export interface Placement {
  seq: number;
  collection: string;
}

export type VectorRequest = { id: number } & (
  | {
      op: 'apply';
      removed: Placement[];
      added: Array<Placement & { twinId: string }>;
      /** The added vectors, one after another. */
      vectors: Float32Array;
    }
  | { op: 'search'; collections: string[]; vector: Float32Array; k: number; twinId: string }
  | { op: 'persist' }
  | { op: 'modes' }
  /** Answered by closing the port: the worker leaves once the requests before it are done. */
  | { op: 'close' }
);

export type VectorReply =
  | { type: 'ready' }
  | { type: 'log'; level: 'info' | 'warn' | 'debug'; fields: Record<string, unknown>; msg: string }
  | { type: 'done'; id: number; value?: unknown }
  | { type: 'failed'; id: number; error: string };

/** A dense hit: the memory's seq and its cosine similarity. */
export type DenseHit = [seq: number, similarity: number];

const config = workerData as VectorWorkerConfig;
const port = parentPort!;
const log =
  (level: 'info' | 'warn' | 'debug') =>
  (fields: Record<string, unknown>, msg = '') =>
    port.postMessage({ type: 'log', level, fields, msg } satisfies VectorReply);
const logger = { info: log('info'), warn: log('warn'), debug: log('debug') };
const file = (name: string) => graphFile(name, config.shard, config.shards);

const collections = new Map<string, VectorCollection>();

function collection(name: string): VectorCollection {
  let c = collections.get(name);
  if (!c) {
    c = new VectorCollection(name, config.index);
    collections.set(name, c);
  }
  return c;
}

function handle(req: VectorRequest): unknown {
  switch (req.op) {
    case 'apply': {
      for (const r of req.removed) collections.get(r.collection)?.remove(r.seq);
      const dim = config.index.dim;
      for (const [i, a] of req.added.entries())
        collection(a.collection).add(a.seq, req.vectors.subarray(i * dim, (i + 1) * dim), a.twinId);
      return undefined;
    }
    case 'search':
      // One list per collection asked for, in order.
      return req.collections.map((name) =>
        (collections.get(name)?.search(req.vector, req.k, req.twinId) ?? []).map(
          (n): DenseHit => [n.label, 1 - n.distance],
        ),
      );
    case 'persist':
      for (const c of collections.values()) {
        if (!c.graph || c.changes === 0) continue;
        const started = performance.now();
        writeGraph(config.vectorsDir, file(c.name), c.graph, config.embedder, config.index);
        c.changes = 0;
        logger.debug({ collection: c.name, ms: Math.round(performance.now() - started) }, 'index persisted');
      }
      return undefined;
    case 'modes':
      return Object.fromEntries([...collections].map(([k, c]) => [k, c.mode]));
  }
}

const rows = new VectorRows(config.dbFile, config.shard, config.shards);
try {
  for (const name of config.names)
    collections.set(name, loadIndex(rows, name, { ...config, file: file(name), logger }));
} finally {
  rows.close();
}
port.on('message', (req: VectorRequest) => {
  if (req.op === 'close') return port.close();
  try {
    port.postMessage({ type: 'done', id: req.id, value: handle(req) } satisfies VectorReply);
  } catch (err) {
    port.postMessage({ type: 'failed', id: req.id, error: (err as Error).message } satisfies VectorReply);
  }
});
port.postMessage({ type: 'ready' } satisfies VectorReply);
