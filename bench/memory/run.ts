// Memory benchmark: QueryMemory latency over gRPC at 10k and 100k memories (embedding vs search time), HNSW recall@10
// against exact search, commit throughput relative to the storage floor in the same run, and start-up time to SERVING
// with 100k memories stored. Prints one JSON object.
//
// Memories are written straight into the embedded store in-process (the same code and embedder the service uses)
// rather than through gRPC, to keep the run short; commit throughput is measured separately over gRPC.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  blobToVector,
  DEFAULT_HNSW,
  EmbeddedStore,
  embedderSignature,
  graphFile,
  type IndexParams,
  indexThreads,
  LEXICAL_MODEL,
  lexicalVector,
  memoryId,
  readGraph,
  VectorCollection,
  VectorRows,
} from '@pagi/memory';
import { checkGrpcHealth, createClient, createLogger, loadProto, unary } from '@pagi/runtime';
import type { MemoryServiceClient } from '@pagi/runtime/gen/memory/MemoryService.ts';
import { reservePort } from '@pagi/tests/helpers/ports.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { memoryText, queryText } from './corpus.ts';
import { round, summary } from './stats.ts';
import { storageFloorPerSecond } from './storage-floor.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIM = 384;
const NAMESPACE = 'bench';
const COLLECTION = `${NAMESPACE}.general`;
const SIGNATURE = embedderSignature({ kind: 'lexical-fallback', model: LEXICAL_MODEL, dim: DIM });
const PARAMS: IndexParams = { dim: DIM, exactMax: 2000, ...DEFAULT_HNSW };
const QUERIES = 400;
const RECALL_QUERIES = 200;
const COMMIT_MEMORIES = 4096;
const COMMIT_BATCH = 64;
const COMMIT_ROUNDS = 3;
const COMMIT_CALLERS = 4;
/** Vector index shards, as the service runs them on this machine (MEMORY_INDEX_THREADS unset). */
const SHARDS = indexThreads(0);

const logger = createLogger('bench', 'silent');

/** Writes memories [from, to) into the store directly, in batches like the service's. */
async function fill(dataDir: string, from: number, to: number): Promise<number> {
  const store = await EmbeddedStore.open({
    stateDir: path.join(dataDir, 'state'),
    vectorsDir: path.join(dataDir, 'vectors'),
    embedder: SIGNATURE,
    index: PARAMS,
    indexThreads: SHARDS,
    persistEveryMs: 3_600_000,
    logger,
  });
  const started = performance.now();
  for (let i = from; i < to; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(to, i + 1000); j++) {
      const content = memoryText(j);
      batch.push({
        id: memoryId(NAMESPACE, `m${j}`),
        content,
        namespace: NAMESPACE,
        twinId: '',
        domain: '' as const,
        memoryType: 'bench',
        sourceFile: '',
        chunkIndex: 0,
        contentHash: '',
        metadata: {},
        vector: lexicalVector(content, DIM),
      });
    }
    await store.upsert(batch);
  }
  const ms = performance.now() - started;
  await store.close();
  return ms;
}

interface Service {
  client: MemoryServiceClient;
  startupMs: number;
  stop(): Promise<void>;
}

async function startService(dataDir: string): Promise<Service> {
  const port = await reservePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PAGI_ROOT: ROOT,
    PAGI_ENV_FILE: '/nonexistent',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    SERVICE_TOKEN: TEST_SERVICE_TOKEN,
    MEMORY_GRPC_PORT: String(port),
    MEMORY_METRICS_PORT: String(await reservePort()),
    MEMORY_EXACT_MAX_VECTORS: String(PARAMS.exactMax),
  };
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'services/memory/src/main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const address = `127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`memory service exited with ${child.exitCode}`);
    const status = await checkGrpcHealth(address, '', 500).catch(() => 'DOWN');
    if (status === 'SERVING') break;
    await sleep(20);
  }
  const startupMs = performance.now() - started;
  const client = createClient(loadProto('memory').memory.MemoryService, address, TEST_SERVICE_TOKEN);
  return {
    client,
    startupMs,
    stop: async () => {
      client.close();
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function measureQueries(client: MemoryServiceClient, corpusSize: number) {
  const call = (q: number) =>
    unary(
      client,
      'QueryMemory',
      { query: queryText(q, corpusSize), namespace: NAMESPACE, top_k: 10 },
      { deadlineMs: 10_000 },
    );
  for (let q = 0; q < 30; q++) await call(QUERIES + q);
  const total: number[] = [];
  const embed: number[] = [];
  const search: number[] = [];
  let idHits = 0;
  let idQueries = 0;
  for (let q = 0; q < QUERIES; q++) {
    const t = performance.now();
    const res = await call(q);
    total.push(performance.now() - t);
    embed.push(res.timings!.embed_ms);
    search.push(res.timings!.search_ms);
    const id = /ID-\d+/.exec(queryText(q, corpusSize))?.[0];
    if (id) {
      idQueries++;
      if (res.results[0]?.content.endsWith(` ${id}`)) idHits++;
    }
  }
  return {
    queries: QUERIES,
    whole_call_ms: summary(total),
    embed_ms: summary(embed),
    search_ms: summary(search),
    exact_id_lookups_top1: round(idHits / idQueries),
  };
}

/**
 * Memories/s committed over gRPC (4 concurrent callers, as ingestion commits with INGEST_CONCURRENCY=4, so the service is
 * never idle between batches; batches of 64) against the storage floor of the same rows
 * measured in the same run (storage-floor.ts), alternating so that drift of a shared machine hits both alike.
 */
async function measureCommits(client: MemoryServiceClient) {
  const texts = Array.from({ length: COMMIT_MEMORIES }, (_, i) => memoryText(500_000 + i));
  const rows = texts.map((content) => ({ content, vector: lexicalVector(content, DIM) }));
  const floor: number[] = [];
  const service: number[] = [];
  for (let round = 0; round < COMMIT_ROUNDS; round++) {
    floor.push(storageFloorPerSecond(rows, COMMIT_BATCH));
    service.push(await commitOverGrpc(client, texts, `commits${round}`));
  }
  const best = (xs: number[]) => Math.max(...xs);
  return {
    embedder: 'lexical-fallback',
    memories: texts.length,
    batch: COMMIT_BATCH,
    callers: COMMIT_CALLERS,
    rounds: COMMIT_ROUNDS,
    commit_per_s: Math.round(best(service)),
    storage_floor_per_s: Math.round(best(floor)),
    ratio_to_floor: round(best(service) / best(floor)),
  };
}

async function commitOverGrpc(client: MemoryServiceClient, texts: string[], namespace: string): Promise<number> {
  const batches: string[][] = [];
  for (let i = 0; i < texts.length; i += COMMIT_BATCH) batches.push(texts.slice(i, i + COMMIT_BATCH));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const b = batches[next++]!;
      await unary(
        client,
        'CommitMemories',
        { memories: b.map((content) => ({ content, namespace })) },
        { deadlineMs: 30_000 },
      );
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: COMMIT_CALLERS }, worker));
  // Committed means durable and searchable: the clock stops once a query finds the last memory (the service indexes
  // vectors in a worker, and a query is answered after every write acknowledged before it).
  const last = texts.at(-1)!;
  const found = await unary(client, 'QueryMemory', { query: last, namespace, top_k: 1 }, { deadlineMs: 30_000 });
  const rate = texts.length / ((performance.now() - t) / 1000);
  if (found.results[0]?.content !== last) throw new Error('the last committed memory is not searchable');
  return rate;
}

/**
 * recall@10 of the persisted HNSW graphs (one per shard, searched each and merged, as the store does) against
 * exhaustive (brute-force) search over every stored vector.
 */
function measureRecall(dataDir: string) {
  const graphs = Array.from({ length: SHARDS }, (_, shard) => {
    const read = readGraph(path.join(dataDir, 'vectors'), graphFile(COLLECTION, shard, SHARDS), SIGNATURE, PARAMS);
    if (!read.graph) throw new Error(`no graph: ${read.reason}`);
    read.graph.setEf(PARAMS.efSearch);
    return read.graph;
  });
  const search = (v: number[]) =>
    graphs
      .flatMap((g) => {
        const r = g.searchKnn(v, 10);
        return r.neighbors.map((label, i) => ({ label, distance: r.distances[i]! }));
      })
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 10)
      .map((x) => x.label);
  const table = new VectorRows(path.join(dataDir, 'state', 'memory.sqlite'));
  // A collection that never leaves exact mode: brute-force search over every vector.
  const exact = new VectorCollection('exact', { ...PARAMS, exactMax: Number.MAX_SAFE_INTEGER });
  for (const r of table.vectors(COLLECTION, SIGNATURE)) exact.add(r.seq, blobToVector(r.vector), '');
  table.close();
  const n = exact.size;
  let hits = 0;
  let hnswMs = 0;
  let exactMs = 0;
  for (let q = 0; q < RECALL_QUERIES; q++) {
    // Queries near the data: a stored memory's text with words dropped, so each has a real neighbourhood.
    const words = memoryText((q * 7919) % n).split(' ');
    const v = lexicalVector(words.filter((_, i) => i % 3 !== 0).join(' '), DIM);
    let t = performance.now();
    const truth = new Set(exact.search(v, 10, '').map((x) => x.label));
    exactMs += performance.now() - t;
    t = performance.now();
    const approx = search(Array.from(v));
    hnswMs += performance.now() - t;
    hits += approx.filter((l) => truth.has(l)).length;
  }
  return {
    vectors: n,
    queries: RECALL_QUERIES,
    recall_at_10: round(hits / (RECALL_QUERIES * 10)),
    hnsw: { m: PARAMS.m, ef_construction: PARAMS.efConstruction, ef_search: PARAMS.efSearch, shards: SHARDS },
    hnsw_ms_per_query: round(hnswMs / RECALL_QUERIES),
    exact_ms_per_query: round(exactMs / RECALL_QUERIES),
  };
}

async function main() {
  const keep = process.env.BENCH_MEMORY_KEEP_DIR;
  const dataDir = keep ?? mkdtempSync(path.join(tmpdir(), 'pagi-bench-memory-'));
  const benchStarted = performance.now();
  try {
    const fill10kMs = await fill(dataDir, 0, 10_000);
    let svc = await startService(dataDir);
    const at10k = { startup_ms: Math.round(svc.startupMs), ...(await measureQueries(svc.client, 10_000)) };
    const commits = await measureCommits(svc.client);
    await svc.stop();

    const fill90kMs = await fill(dataDir, 10_000, 100_000);
    const recall = measureRecall(dataDir);
    svc = await startService(dataDir);
    const startup100k = svc.startupMs;
    const at100k = await measureQueries(svc.client, 100_000);
    await svc.stop();

    const cpu = cpus()[0]?.model ?? 'unknown';
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'memory',
          machine: { cpus: availableParallelism(), cpu, node: process.version },
          embedder: 'lexical-fallback (no model weights can be downloaded here; embed_ms is that embedder)',
          data: {
            note: 'memories written straight into the embedded store in-process (same code and embedder as the service); clustered corpus of 100 topics',
            fill_10k_s: round(fill10kMs / 1000, 1),
            fill_90k_more_s: round(fill90kMs / 1000, 1),
          },
          query_10k: at10k,
          query_100k: at100k,
          recall,
          commit_throughput: commits,
          startup_to_serving_100k_ms: Math.round(startup100k),
          run_s: round((performance.now() - benchStarted) / 1000, 1),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
