// Ingestion benchmark. Prints one JSON object:
// - throughput for 200 mixed files (files/s, chunks/s) through the whole pipeline (read → classify → chunk →
//   CommitMemories), as a ratio to (a) the raw embedder on the same chunks, in-process, using the memory service's
//   own embedder module, and (b) CommitMemories of the same pre-chunked text (embedding + store, no pipeline);
// - drop-to-searchable p50 for a 5 KB file (write into the watched folder → QueryMemory finds it), with the raw
//   embedding time of that file for reference;
// - atlas response time for 5,000 memories with PCA and UMAP;
// - offline classification accuracy and confusion matrix on the labeled evaluation set.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chunkDocument,
  classifyOffline,
  createTokenCounter,
  evaluateOffline,
  startKnowledge,
  titleOf,
} from '@pagi/knowledge';
import { loadEmbedder } from '@pagi/memory';
import {
  createClient,
  createHttpApp,
  createLogger,
  loadProto,
  MemoryClient,
  memoryConfigSchema,
  orchestratorConfigSchema,
  unary,
} from '@pagi/runtime';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { startStack } from '@pagi/tests/helpers/stack.ts';
import { markerNote, mixedFiles } from './corpus.ts';

const FILES = 200;
const DROPS = 15;
const ATLAS_MEMORIES = 5000;
const BATCH = 32;
const logger = createLogger('bench', 'silent');
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

const stack = await startStack({ services: ['memory'] });
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
try {
  const starter = path.join(dataDir, 'starter');
  mkdirSync(starter, { recursive: true });
  const config = orchestratorConfigSchema.parse({
    DATA_DIR: dataDir,
    MEMORY_GRPC_ADDR: stack.addresses.MEMORY_GRPC_ADDR,
    KNOWLEDGE_BASES_DIR: starter,
    LLM_PROVIDER: 'mock',
    INGEST_CONCURRENCY: process.env.INGEST_CONCURRENCY,
  });
  const memory = createClient(
    loadProto('memory').memory.MemoryService,
    stack.addresses.MEMORY_GRPC_ADDR!,
    TEST_SERVICE_TOKEN,
  );
  const files = mixedFiles(FILES);
  const bytes = files.reduce((s, [, t]) => s + Buffer.byteLength(t), 0);

  // Baselines on the same chunks the pipeline will produce.
  const counter = createTokenCounter();
  const chunked = files.flatMap(([name, text]) => {
    const ext = path.extname(name);
    const title = titleOf(name, text);
    const cls = classifyOffline(text, ext, title);
    return chunkDocument(text, { ext, domain: cls.domain, counter }).map((c) => ({ c, name, title }));
  });
  const chunks = chunked.map((x) => x.c.text);
  const memConfig = memoryConfigSchema.parse({ DATA_DIR: dataDir, EMBEDDING_HUB_TIMEOUT_MS: '2000' });
  progress(`${files.length} files, ${chunks.length} chunks; loading the embedder`);
  const embedder = await loadEmbedder(memConfig, logger, () => undefined);
  let t = performance.now();
  for (let i = 0; i < chunks.length; i += BATCH) await embedder.embed(chunks.slice(i, i + BATCH));
  const rawSeconds = (performance.now() - t) / 1000;
  await embedder.close();

  t = performance.now();
  const commits: Promise<unknown>[] = [];
  for (let i = 0; i < chunks.length; i += BATCH) {
    // The same requests the pipeline sends: domain, source and the same metadata keys, so only the pipeline differs.
    const batch = chunked.slice(i, i + BATCH).map(({ c, name, title }) => ({
      content: c.text,
      namespace: 'baseline',
      key: `${name}#${c.index}`,
      domain: c.domain,
      memory_type: 'knowledge',
      source: { file: `baseline:${name}`, chunk_index: c.index, content_hash: '' },
      metadata: {
        source_file: `baseline:${name}`,
        title,
        heading_path: c.headings.join(' > '),
        start_line: String(c.startLine),
        end_line: String(c.endLine),
        chunk_index: String(c.index),
        tokens: String(c.tokens),
      },
    }));
    commits.push(unary(memory, 'CommitMemories', { memories: batch }, { deadlineMs: 60_000 }));
    if (commits.length >= config.INGEST_CONCURRENCY) await Promise.all(commits.splice(0));
  }
  await Promise.all(commits);
  const commitSeconds = (performance.now() - t) / 1000;

  progress(`raw embedder ${round(rawSeconds)} s, commit baseline ${round(commitSeconds)} s`);
  // The pipeline: all files present, one rescan (API), until the queue drains. The watcher is off for this part so
  // only the pipeline is timed; the drop-to-searchable part below uses it.
  const memoryClient = new MemoryClient(config.MEMORY_GRPC_ADDR, TEST_SERVICE_TOKEN);
  const first = await startKnowledge({
    config: { ...config, INGEST_WATCH: false },
    logger,
    llm: null,
    memory: memoryClient,
  });
  let app = createHttpApp({ service: 'bench', logger });
  first.registerRoutes(app);
  for (const [name, text] of files) writeFileSync(path.join(config.INGEST_DIR, name), text);
  t = performance.now();
  await app.inject({ method: 'POST', url: '/api/knowledge/ingest', payload: {} });
  await within(first.drained(), 120_000, 'ingesting the files');
  const pipelineSeconds = (performance.now() - t) / 1000;
  const stats = (await app.inject({ method: 'GET', url: '/api/knowledge/stats' })).json() as {
    total_files: number;
    total_chunks: number;
  };
  await app.close();
  await first.close();
  const knowledge = await startKnowledge({ config, logger, llm: null, memory: memoryClient });
  app = createHttpApp({ service: 'bench', logger });
  knowledge.registerRoutes(app);
  progress(`pipeline: ${stats.total_files} files, ${stats.total_chunks} chunks in ${round(pipelineSeconds)} s`);
  // Drop to searchable: a fresh 5 KB note into the watched folder, then search until it is found.
  const latencies: number[] = [];
  const embedOne: number[] = [];
  const embedder2 = await loadEmbedder(memConfig, logger, () => undefined);
  for (let i = 0; i < DROPS; i++) {
    const marker = `zq${i}x${Date.now().toString(36)}`;
    const note = markerNote(marker);
    const e0 = performance.now();
    await embedder2.embed(chunkDocument(note, { ext: '.md', domain: 'mind', counter }).map((c) => c.text));
    embedOne.push(performance.now() - e0);
    const start = performance.now();
    writeFileSync(path.join(config.INGEST_DIR, `drop-${marker}.md`), note);
    for (let tries = 0; ; tries++) {
      if (tries > 1000) throw new Error(`drop ${marker} never became searchable`);
      const r = await unary(
        memory,
        'QueryMemory',
        { query: marker, namespace: config.KNOWLEDGE_NAMESPACE, top_k: 1 },
        { deadlineMs: 5000 },
      );
      if (r.results[0]?.content.includes(marker)) break;
      await sleep(10);
    }
    latencies.push(performance.now() - start);
  }
  await embedder2.close();

  progress(`drops: p50 ${Math.round(p50(latencies))} ms`);
  // Atlas over 5,000 memories: top the knowledge namespace up with generated notes.
  const have = (await unary(memory, 'ListMemories', { namespace: config.KNOWLEDGE_NAMESPACE, limit: 1 })).total;
  const domains = ['mind', 'body', 'heart', 'soul'];
  for (let i = have; i < ATLAS_MEMORIES; i += 256) {
    const batch = Array.from({ length: Math.min(256, ATLAS_MEMORIES - i) }, (_, j) => {
      const n = i + j;
      const src = files[n % files.length]![1];
      const off = (n * 131) % Math.max(1, src.length - 400);
      return {
        content: `${src.slice(off, off + 400)} (note ${n})`,
        namespace: config.KNOWLEDGE_NAMESPACE,
        key: `atlas-${n}`,
        domain: domains[n % 4]!,
      };
    });
    await unary(memory, 'CommitMemories', { memories: batch }, { deadlineMs: 60_000 });
  }
  const atlas = async (method: string) => {
    const s = performance.now();
    const r = await app.inject({
      method: 'GET',
      url: `/api/knowledge/atlas?method=${method}&max_nodes=${ATLAS_MEMORIES}`,
    });
    const body = r.json() as { nodes: unknown[]; edges: unknown[] };
    return { ms: Math.round(performance.now() - s), nodes: body.nodes.length, edges: body.edges.length };
  };
  progress('atlas');
  const pcaCold = await atlas('pca');
  const pcaWarm = await atlas('pca');
  const umap = await atlas('umap');

  const evalSet = evaluateOffline();
  const health = await unary(memory, 'HealthCheck', {});
  await app.close();
  await knowledge.close();
  memoryClient.close();
  memory.close();

  const rawChunksPerSec = chunks.length / rawSeconds;
  const commitChunksPerSec = chunks.length / commitSeconds;
  const pipeChunksPerSec = stats.total_chunks / pipelineSeconds;
  process.stdout.write(
    `${JSON.stringify(
      {
        embedder: health.embedder,
        tokenizer: counter.kind,
        throughput: {
          files: stats.total_files,
          chunks: stats.total_chunks,
          bytes,
          pipeline_seconds: round(pipelineSeconds),
          files_per_sec: round(stats.total_files / pipelineSeconds, 1),
          chunks_per_sec: round(pipeChunksPerSec, 1),
          raw_embedder_chunks_per_sec: round(rawChunksPerSec, 1),
          ratio_to_raw_embedder: round(pipeChunksPerSec / rawChunksPerSec),
          commit_baseline_chunks_per_sec: round(commitChunksPerSec, 1),
          ratio_to_commit_baseline: round(pipeChunksPerSec / commitChunksPerSec),
        },
        drop_to_searchable_5kb: {
          p50_ms: Math.round(p50(latencies)),
          embedding_p50_ms: round(p50(embedOne), 1),
          write_stability_ms: config.INGEST_WRITE_STABILITY_MS,
          samples: DROPS,
        },
        atlas_5000: { pca_cold: pcaCold, pca_warm: pcaWarm, umap },
        classification: {
          documents: evalSet.documents,
          accuracy: round(evalSet.accuracy),
          mean_confidence: round(evalSet.meanConfidence),
          confusion: evalSet.confusion,
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
}
