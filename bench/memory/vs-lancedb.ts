// The embedded memory store (SQLite + an in-memory BM25 index + HNSW graphs in a worker thread) side by side with LanceDB embedded
// (local files only) on the same N × 384 lexical vectors of the bench corpus: insert throughput, dense top-10 latency
// and recall@10 against exact search, and hybrid text+vector queries. Prints one JSON object.
// Knobs: N (default 100000), QUERIES (default 400), LANCE_M, LANCE_EFC, LANCE_EF, LANCE_REFINE.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import type { Table, VectorQuery } from '@lancedb/lancedb';
import {
  DEFAULT_HNSW,
  EmbeddedStore,
  embedderSignature,
  type IndexParams,
  indexThreads,
  LEXICAL_MODEL,
  lexicalVector,
  memoryId,
  type NewMemory,
} from '@pagi/memory';
import { createLogger } from '@pagi/runtime';
import { memoryText, queryText } from './corpus.ts';
import { round, summary } from './stats.ts';

// LanceDB's native logger reads LANCEDB_LOG when the module loads; at its default level every query without
// `_distance` / `_score` in its projection prints a deprecation warning.
process.env.LANCEDB_LOG ??= 'error';
const lancedb = await import('@lancedb/lancedb');

const N = Number(process.env.N ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 400);
const DIM = 384;
const BATCH = 1000;
const NAMESPACE = 'bench';
const SIGNATURE = embedderSignature({ kind: 'lexical-fallback', model: LEXICAL_MODEL, dim: DIM });
const PARAMS: IndexParams = { dim: DIM, exactMax: 2000, ...DEFAULT_HNSW };
/** Vector index shards, as the service runs them on this machine (MEMORY_INDEX_THREADS unset). */
const SHARDS = indexThreads(0);
// IVF_HNSW_SQ with one partition (more partitions cost recall here), the store's m, and the efConstruction / ef that
// keep recall@10 ≥ 0.95 at 100k with a margin; refine re-ranks the 8-bit quantised distances with the full vectors.
const LANCE = {
  index: 'IVF_HNSW_SQ',
  distance: 'cosine' as const,
  num_partitions: 1,
  m: Number(process.env.LANCE_M ?? 16),
  ef_construction: Number(process.env.LANCE_EFC ?? 100),
  ef: Number(process.env.LANCE_EF ?? 300),
  refine_factor: Number(process.env.LANCE_REFINE ?? 2),
};

const benchStarted = performance.now();
const logger = createLogger('bench', 'silent');
const seconds = (ms: number) => round(ms / 1000, 1);

/** Wall time of `fn`, and its CPU time over all threads (which shows how many cores a native index build used). */
async function timed(fn: () => Promise<unknown>) {
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  await fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpu_s: round((used.user + used.system) / 1e6, 1) };
}

// The corpus, once: both stores get the very same vectors (one flat array, row i at i * DIM).
const texts = Array.from({ length: N }, (_, i) => memoryText(i));
const ids = texts.map((_, i) => memoryId(NAMESPACE, `m${i}`));
const indexOf = new Map(ids.map((id, i) => [id, i]));
const data = new Float32Array(N * DIM);
for (let i = 0; i < N; i++) data.set(lexicalVector(texts[i]!, DIM), i * DIM);
const row = (i: number) => data.subarray(i * DIM, (i + 1) * DIM);
const queryTexts = Array.from({ length: QUERIES }, (_, q) => queryText(q, N));
const queryVecs = queryTexts.map((t) => lexicalVector(t, DIM));

/** The exact cosine of the 10th nearest row: unit vectors, so a dot product over the query's few non-zero dimensions. */
function tenthNearest(q: Float32Array): number {
  const dims = [...q.keys()].filter((d) => q[d] !== 0);
  const top: number[] = []; // the 10 best scores so far, best first
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (const d of dims) s += data[i * DIM + d]! * q[d]!;
    if (top.length === 10 && s <= top[9]!) continue;
    let k = Math.min(top.length, 9);
    while (k > 0 && top[k - 1]! < s) top[k] = top[--k]!;
    top[k] = s;
  }
  return top.at(-1)!;
}

const tenth = queryVecs.map(tenthNearest);
const cosine = (i: number, q: number) => row(i).reduce((s, x, d) => s + x * queryVecs[q]![d]!, 0);

/** recall@10 against exact search; a row tied with the 10th true neighbour counts too (hashed words do tie). */
function recall(results: number[][]) {
  let hits = 0;
  results.forEach((got, q) => {
    for (const i of new Set(got)) if (cosine(i, q) >= tenth[q]! - 1e-5) hits++;
  });
  return round(hits / (results.length * 10));
}

/** Latency and results of one search path over every query, after a warm-up pass over 30 of them. */
async function measure(search: (q: number) => Promise<number[]>) {
  for (let q = 0; q < Math.min(30, QUERIES); q++) await search(q);
  const ms: number[] = [];
  const results: number[][] = [];
  for (let q = 0; q < QUERIES; q++) {
    const t = performance.now();
    results.push(await search(q));
    ms.push(performance.now() - t);
  }
  return { ms, results, ...summary(ms) };
}

/** Top-1 hits of the identifier lookups ("where is ID-<i>"): the one thing a hybrid query must get right here. */
function idLookups(results: number[][]) {
  const lookups = results.flatMap((got, q) => {
    const id = /ID-(\d+)/.exec(queryTexts[q]!)?.[1];
    return id === undefined ? [] : [got[0] === Number(id)];
  });
  return round(lookups.filter(Boolean).length / lookups.length);
}

const MEMORY = {
  namespace: NAMESPACE,
  twinId: '',
  domain: '' as const,
  memoryType: 'bench',
  sourceFile: '',
  chunkIndex: 0,
  contentHash: '',
  metadata: {},
};
/** Rows [i, i + BATCH) of the corpus. */
const slice = (i: number) =>
  ids.slice(i, i + BATCH).map((id, k) => ({ id, content: texts[i + k]!, vector: row(i + k) }));

async function embedded(dir: string) {
  const open = (index: IndexParams) =>
    EmbeddedStore.open({
      stateDir: path.join(dir, 'state'),
      vectorsDir: path.join(dir, 'vectors'),
      embedder: SIGNATURE,
      index,
      indexThreads: SHARDS,
      persistEveryMs: 3_600_000,
      logger,
    });
  let store = await open(PARAMS);
  // Each upsert writes the SQLite rows and BM25 postings; the workers add the vectors to their HNSW graphs (hnswlib-node)
  // while the next upsert writes. The clock stops once every vector is indexed: the workers answer requests in order,
  // so their answer to a request posted after the last upsert means they have indexed everything before.
  const insert = await timed(async () => {
    for (let i = 0; i < N; i += BATCH) await store.upsert(slice(i).map((r): NewMemory => ({ ...MEMORY, ...r })));
    await store.indexModes();
  });
  const persist = await timed(async () => store.persist());

  const ask = (q: number, text: string) =>
    store.query({ namespace: NAMESPACE, text, vector: queryVecs[q]!, topK: 10, domains: [], twinId: '' });
  const toIndex = (r: Awaited<ReturnType<typeof ask>>) => r.map((m) => indexOf.get(m.record.id)!);
  const query = await measure(async (q) => toIndex(await ask(q, '')));
  const hybrid = await measure(async (q) => toIndex(await ask(q, queryTexts[q]!)));
  await store.close();
  // The same graphs searched as broadly as LanceDB is (its ef), for a comparison at the same recall.
  store = await open({ ...PARAMS, efSearch: LANCE.ef });
  const queryLanceEf = await measure(async (q) => toIndex(await ask(q, '')));
  await store.close();
  return { insert, persist, query, queryLanceEf, hybrid };
}

async function lance(dir: string) {
  const db = await lancedb.connect(dir);
  let table: Table | undefined;
  const add = await timed(async () => {
    for (let i = 0; i < N; i += BATCH) {
      if (table) await table.add(slice(i));
      else table = await db.createTable('memories', slice(i));
    }
  });
  const { distance: distanceType, num_partitions: numPartitions, m, ef_construction: efConstruction } = LANCE;
  const config = lancedb.Index.hnswSq({ distanceType, numPartitions, m, efConstruction });
  const index = await timed(() => table!.createIndex('vector', { config }));

  const toIndex = (rows: Array<{ id: string }>) => rows.map((r) => indexOf.get(r.id)!);
  const tuned = (q: VectorQuery) =>
    q.distanceType(distanceType).ef(LANCE.ef).refineFactor(LANCE.refine_factor).limit(10);
  const search = await measure(async (q) =>
    toIndex(await tuned(table!.vectorSearch(queryVecs[q]!)).select(['id', 'content', '_distance']).toArray()),
  );
  // Hybrid: a full-text index (built in-process, no model needed), then FTS and vector results fused by RRF.
  const ftsIndex = await timed(() => table!.createIndex('content', { config: lancedb.Index.fts() }));
  const rrf = await lancedb.rerankers.RRFReranker.create();
  const hybridQuery = (q: number) =>
    tuned(table!.query().fullTextSearch(queryTexts[q]!).nearestTo(queryVecs[q]!)).rerank(rrf).select(['id']);
  const hybrid = await measure(async (q) => toIndex(await hybridQuery(q).toArray()));
  table!.close();
  db.close();
  return { add, index, ftsIndex, search, hybrid };
}

const rate = (ms: number) => Math.round(N / (ms / 1000));
type Run = Awaited<ReturnType<typeof measure>>;
const denseStats = (m: Run, path: string) => ({ p50_ms: m.p50, p99_ms: m.p99, recall_at_10: recall(m.results), path });
const hybridStats = (m: Run, path: string) => ({
  p50_ms: m.p50,
  p99_ms: m.p99,
  id_lookup_top1: idLookups(m.results),
  path,
});

const dir = mkdtempSync(path.join(tmpdir(), 'pagi-bench-vs-lancedb-'));
try {
  const e = await embedded(path.join(dir, 'embedded'));
  const l = await lance(path.join(dir, 'lancedb'));
  const out = {
    benchmark: 'memory-vs-lancedb',
    machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    data: { rows: N, dim: DIM, queries: QUERIES, insert_batch: BATCH, vectors: 'lexicalVector, same for both' },
    insert: {
      embedded: { rows_per_s: rate(e.insert.ms), s: seconds(e.insert.ms), cpu_s: e.insert.cpu_s },
      embedded_graph_persist_s: seconds(e.persist.ms),
      lancedb: {
        rows_per_s_with_index: rate(l.add.ms + l.index.ms),
        rows_per_s_without_index: rate(l.add.ms),
        add: { s: seconds(l.add.ms), cpu_s: l.add.cpu_s },
        vector_index: { s: seconds(l.index.ms), cpu_s: l.index.cpu_s },
        fts_index: { s: seconds(l.ftsIndex.ms), cpu_s: l.ftsIndex.cpu_s },
      },
    },
    dense_top10: {
      embedded: denseStats(
        e.query,
        `EmbeddedStore.query with empty text (dense only, k=50, rows from SQLite), ef=${PARAMS.efSearch} (store default), ${SHARDS} shards`,
      ),
      embedded_lance_ef: denseStats(e.queryLanceEf, `the same, ef=${LANCE.ef} (LanceDB's)`),
      lancedb: { ...denseStats(l.search, 'table.vectorSearch(v).limit(10) selecting id, content'), params: LANCE },
    },
    hybrid_top10: {
      embedded: hybridStats(e.hybrid, 'EmbeddedStore.query: BM25 + HNSW, RRF over the union, dense-scored'),
      lancedb: hybridStats(l.hybrid, 'FTS index + vector query, RRFReranker'),
    },
    ratios_embedded_over_lancedb: {
      dense_query_p50_at_lance_ef: round(e.queryLanceEf.p50 / l.search.p50),
      insert_rows_per_s_vs_lance_with_index: round((l.add.ms + l.index.ms) / e.insert.ms),
      insert_rows_per_s_vs_lance_without_index: round(l.add.ms / e.insert.ms),
      hybrid_p50: round(e.hybrid.p50 / l.hybrid.p50),
    },
    run_s: seconds(performance.now() - benchStarted),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
