import {
  AtlasQuery,
  CodedError,
  DOMAINS,
  INGEST_STATUS_MAX_FILES,
  IngestRequest,
  type IngestStatusResponse,
  type KnowledgeStats,
  PathRequest,
  parseWith,
} from '@pagi/contracts';
import { isUnavailable, openSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { buildAtlas } from '../atlas/atlas.ts';
import type { CorpusCache } from '../atlas/corpus.ts';
import { strongestPath } from '../atlas/semantic-path.ts';
import { SUPPORTED_EXTENSIONS } from '../formats/read.ts';
import type { Ingestor } from '../ingest/ingestor.ts';
import type { Library } from '../ingest/library.ts';
import { type Ledger, toProgress } from '../ledger/ledger.ts';
import { FileIdParams } from './file-id.ts';

export interface KnowledgeRouteDeps {
  ledger: Ledger;
  ingestor: Ingestor;
  library: Library;
  corpus: CorpusCache;
  atlasMinSimilarity: number;
  /** INGEST_MAX_FILE_BYTES, told to clients with the formats so they can check a file before sending it. */
  maxFileBytes: number;
}

/** The knowledge base as the atlas reads it; a memory service that cannot be reached is a 503. */
async function corpusOf(deps: KnowledgeRouteDeps) {
  try {
    return await deps.corpus.get();
  } catch (err) {
    if (err instanceof CodedError && !isUnavailable(err)) throw err;
    throw new CodedError('memory_unavailable', `memory service unavailable: ${(err as Error).message}`);
  }
}

export function registerKnowledgeRoutes(app: FastifyInstance, deps: KnowledgeRouteDeps): void {
  const { ledger, ingestor, library } = deps;
  const status = (): IngestStatusResponse => ({
    status: ledger.summary(),
    files: ledger.all().slice(0, INGEST_STATUS_MAX_FILES).map(toProgress),
    generated_at: new Date().toISOString(),
    limits: { max_file_bytes: deps.maxFileBytes, formats: SUPPORTED_EXTENSIONS },
  });

  app.post('/api/knowledge/ingest', async (req) => {
    const body = parseWith(IngestRequest, req.body ?? {});
    if (!body.file_path) {
      const queued = await library.rescan();
      return { success: true, message: `rescan queued ${queued} file(s)`, queued };
    }
    const { queued, row } = ingestor.offer(body.file_path, true);
    return {
      success: true,
      message: queued ? `${row?.name ?? body.file_path} queued` : 'already queued',
      queued: queued ? 1 : 0,
    };
  });

  app.get('/api/knowledge/ingest/status', async () => status());

  app.get('/api/knowledge/ingest/events', async (_req, reply) => {
    const sse = openSse(reply, { subscription: true });
    sse.send({ type: 'status', status: ledger.summary() });
    const unsubscribe = ingestor.events.subscribe((e) => sse.send(e));
    reply.raw.on('close', unsubscribe);
  });

  app.post('/api/knowledge/ingest/:id/retry', async (req) => {
    const { id } = parseWith(FileIdParams, req.params);
    return { file: toProgress(ingestor.retry(id)) };
  });

  app.post('/api/knowledge/ingest/:id/cancel', async (req) => {
    const { id } = parseWith(FileIdParams, req.params);
    return { file: toProgress(ingestor.cancel(id)) };
  });

  app.get('/api/knowledge/stats', async (): Promise<KnowledgeStats> => {
    const domains = Object.fromEntries(DOMAINS.map((d) => [d, { files: 0, chunks: 0 }])) as KnowledgeStats['domains'];
    for (const c of ledger.domainCounts()) domains[c.domain] = { files: c.files, chunks: c.chunks };
    const total_files = DOMAINS.reduce((s, d) => s + domains[d].files, 0);
    const total_chunks = DOMAINS.reduce((s, d) => s + domains[d].chunks, 0);
    return { domains, total_files, total_chunks };
  });

  app.get('/api/knowledge/atlas', async (req) => {
    const q = parseWith(AtlasQuery, req.query);
    const corpus = await corpusOf(deps);
    return buildAtlas(corpus, { method: q.method, maxNodes: q.max_nodes, minSimilarity: deps.atlasMinSimilarity });
  });

  app.post('/api/knowledge/path', async (req) => {
    const body = parseWith(PathRequest, req.body);
    return strongestPath(await corpusOf(deps), body.source_id, body.target_id);
  });
}
