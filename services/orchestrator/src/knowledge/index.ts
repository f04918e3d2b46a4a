import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fromRoot, type Logger, type OrchestratorConfig, repoRoot } from '@pagi/kit';
import type { FSWatcher } from 'chokidar';
import type { FastifyInstance } from 'fastify';
import type { ActivityFeed } from '../activity/activity-feed.ts';
import type { LlmClient } from '../llm/client.ts';
import { CorpusCache } from './atlas/corpus.ts';
import { createTokenCounter } from './chunking/tokenizer.ts';
import { createClassifier } from './classify/classifier.ts';
import { registerKnowledgeRoutes } from './http/routes.ts';
import { makeRoot } from './ingest/confinement.ts';
import { Ingestor } from './ingest/ingestor.ts';
import { watchIngestDir } from './ingest/watcher.ts';
import { Ledger } from './ledger/ledger.ts';
import { KnowledgeMemory } from './memory/knowledge-memory.ts';
import { knowledgeMetrics } from './metrics.ts';

// The Auto-Domain Ingestor and the knowledge APIs, mounted on the orchestrator's HTTP app.

export interface KnowledgeDeps {
  config: OrchestratorConfig;
  logger: Logger;
  llm: LlmClient | null;
  /** The orchestrator's live activity feed: finished and failed ingestions are announced there. */
  activity?: Pick<ActivityFeed, 'publish'>;
}

export interface Knowledge {
  registerRoutes(app: FastifyInstance): void;
  close(): Promise<void>;
  /** The queue, for callers that need to wait for ingestion (tests, benchmark). */
  ingestor: Ingestor;
}

const STARTER_KEY = 'starter_ingested';
const LLM_CLASSIFY_TIMEOUT_MS = 20_000;

export async function startKnowledge(deps: KnowledgeDeps): Promise<Knowledge> {
  const { config, llm } = deps;
  const logger = deps.logger.child({ part: 'knowledge' });
  const ledger = new Ledger(path.join(config.STATE_DIR, 'knowledge.db'));
  const memory = new KnowledgeMemory(config.MEMORY_GRPC_ADDR, config.KNOWLEDGE_NAMESPACE);
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
    },
    [ingestRoot, starterRoot],
    { concurrency: config.INGEST_CONCURRENCY, cwd: repoRoot(), logger, metrics },
  );
  const corpus = new CorpusCache(memory);
  ingestor.on('event', (e) => {
    if (e.type === 'completed' || e.type === 'status') corpus.invalidate();
    if (e.type === 'completed') deps.activity?.publish('ingestion', e.message);
    if (e.type === 'file' && e.file.stage === 'failed') {
      deps.activity?.publish('ingestion', `${e.file.name} could not be ingested: ${e.file.error ?? 'unknown error'}`);
    }
  });

  const recovered = ingestor.start();
  let watcher: FSWatcher | null = null;
  if (config.INGEST_WATCH) {
    watcher = await watchIngestDir(ingestRoot.dir, ingestor, logger, config.INGEST_WRITE_STABILITY_MS);
  }
  // Files dropped (or deleted) while the service was down, and the starter knowledge the first time.
  const scans = [ingestRoot];
  if (!ledger.getMeta(STARTER_KEY)) scans.push(starterRoot);
  const queued = await ingestor.rescan(scans);
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
    ingestor,
    registerRoutes(app) {
      registerKnowledgeRoutes(app, {
        ledger,
        ingestor,
        corpus,
        atlasMinSimilarity: config.KNOWLEDGE_ATLAS_MIN_SIMILARITY,
      });
    },
    async close() {
      await watcher?.close();
      await ingestor.close();
      memory.close();
      ledger.close();
    },
  };
}
