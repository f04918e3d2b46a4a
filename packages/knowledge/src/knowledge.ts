import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { IngestEvent } from '@pagi/contracts';
import type { LlmClient } from '@pagi/llm';
import { fromRoot, type Logger, type MemoryClient, type OrchestratorConfig, repoRoot } from '@pagi/runtime';
import type { FSWatcher } from 'chokidar';
import type { FastifyInstance } from 'fastify';
import { CorpusCache } from './atlas/corpus.ts';
import { createTokenCounter } from './chunking/tokenizer.ts';
import { createClassifier } from './classify/classifier.ts';
import { registerDocumentRoutes } from './http/document-routes.ts';
import { registerKnowledgeRoutes } from './http/routes.ts';
import { makeRoot } from './ingest/confinement.ts';
import { Ingestor } from './ingest/ingestor.ts';
import { Library } from './ingest/library.ts';
import { removeStaleUploads } from './ingest/upload.ts';
import { watchIngestDir } from './ingest/watcher.ts';
import { Ledger } from './ledger/ledger.ts';
import { KnowledgeMemory } from './memory/knowledge-memory.ts';
import { knowledgeMetrics } from './metrics.ts';

// The Auto-Domain Ingestor and the knowledge APIs, mounted on the orchestrator's HTTP app.

export type KnowledgeConfig = Pick<
  OrchestratorConfig,
  | 'STATE_DIR'
  | 'INGEST_DIR'
  | 'KNOWLEDGE_BASES_DIR'
  | 'KNOWLEDGE_NAMESPACE'
  | 'INGEST_MAX_FILE_BYTES'
  | 'INGEST_CONCURRENCY'
  | 'INGEST_WRITE_STABILITY_MS'
  | 'INGEST_WATCH'
  | 'INGEST_LOW_CONFIDENCE_MARGIN'
  | 'EMBEDDING_MODEL_DIR'
  | 'KNOWLEDGE_ATLAS_MIN_SIMILARITY'
  | 'LLM_TIMEOUT_MS'
>;

export interface KnowledgeDeps {
  config: KnowledgeConfig;
  logger: Logger;
  llm: LlmClient | null;
  /** The platform's memory client (shared with chat); the knowledge base keeps to its own namespace in it. */
  memory: MemoryClient;
}

export interface Knowledge {
  registerRoutes(app: FastifyInstance): void;
  close(): Promise<void>;
  /** Every ingestion event (file progress, completions, status, removals) until the returned function is called. */
  subscribe(listener: (event: IngestEvent) => void): () => void;
  /** Resolves when nothing is queued or running (tests and the benchmark wait on it). */
  drained(): Promise<void>;
  /** Files queued or being ingested. */
  waiting(): number;
}

const STARTER_KEY = 'starter_ingested';
const LLM_CLASSIFY_TIMEOUT_MS = 20_000;

export async function startKnowledge(deps: KnowledgeDeps): Promise<Knowledge> {
  const { config, llm } = deps;
  const logger = deps.logger.child({ part: 'knowledge' });
  const ledger = new Ledger(path.join(config.STATE_DIR, 'knowledge.db'));
  const memory = new KnowledgeMemory(deps.memory, config.KNOWLEDGE_NAMESPACE);
  const counter = createTokenCounter(config.EMBEDDING_MODEL_DIR ? fromRoot(config.EMBEDDING_MODEL_DIR) : undefined);
  const metrics = knowledgeMetrics();
  mkdirSync(config.INGEST_DIR, { recursive: true });
  const ingestRoot = makeRoot('ingest', config.INGEST_DIR);
  const starterRoot = makeRoot('knowledge_bases', fromRoot(config.KNOWLEDGE_BASES_DIR));
  const ingestor = new Ingestor(
    ledger,
    {
      memory,
      classifier: createClassifier(llm, logger, Math.min(config.LLM_TIMEOUT_MS, LLM_CLASSIFY_TIMEOUT_MS)),
      counter,
      maxBytes: config.INGEST_MAX_FILE_BYTES,
      lowConfidenceMargin: config.INGEST_LOW_CONFIDENCE_MARGIN,
    },
    [ingestRoot, starterRoot],
    { concurrency: config.INGEST_CONCURRENCY, cwd: repoRoot(), logger, metrics },
  );
  const library = new Library({ ledger, ingestor, memory, roots: [ingestRoot, starterRoot], logger });
  const corpus = new CorpusCache(memory);
  ingestor.events.subscribe((e) => {
    if (e.type === 'completed' || e.type === 'status' || e.type === 'removed') corpus.invalidate();
  });
  await removeStaleUploads(ingestRoot.dir);

  const recovered = ingestor.start();
  let watcher: FSWatcher | null = null;
  if (config.INGEST_WATCH) {
    watcher = await watchIngestDir(ingestRoot.dir, ingestor, library, logger, config.INGEST_WRITE_STABILITY_MS);
  }
  // Files dropped (or deleted) while the service was down, and the starter knowledge the first time.
  const scans = [ingestRoot];
  if (!ledger.getMeta(STARTER_KEY)) scans.push(starterRoot);
  const queued = await library.rescan(scans);
  if (scans.includes(starterRoot)) ledger.setMeta(STARTER_KEY, new Date().toISOString());
  metrics.refresh(ledger);
  logger.info(
    {
      ingestDir: ingestRoot.dir,
      queued,
      recovered,
      tokenizer: counter.kind,
      classifier: llm ? `llm:${llm.model}` : 'offline',
    },
    'knowledge ingestion ready',
  );

  return {
    subscribe: (listener) => ingestor.events.subscribe(listener),
    drained: () => ingestor.drained(),
    waiting: () => ledger.waiting(),
    registerRoutes(app) {
      registerKnowledgeRoutes(app, {
        ledger,
        ingestor,
        library,
        corpus,
        atlasMinSimilarity: config.KNOWLEDGE_ATLAS_MIN_SIMILARITY,
        maxFileBytes: config.INGEST_MAX_FILE_BYTES,
      });
      registerDocumentRoutes(app, {
        ingestor,
        library,
        ingestDir: ingestRoot.dir,
        maxBytes: config.INGEST_MAX_FILE_BYTES,
      });
    },
    async close() {
      await watcher?.close();
      await ingestor.close();
      ledger.close();
    },
  };
}
