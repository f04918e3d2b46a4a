import {
  AtlasQuery,
  CodedError,
  DOMAINS,
  IngestRequest,
  type IngestStatusResponse,
  type KnowledgeStats,
  PathRequest,
  parseWith,
} from '@pagi/contracts';
import { isUnavailable, openSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildAtlas } from '../atlas/atlas.ts';
import type { CorpusCache } from '../atlas/corpus.ts';
import { strongestPath } from '../atlas/semantic-path.ts';
import type { Ingestor } from '../ingest/ingestor.ts';
import { type Ledger, toProgress } from '../ledger/ledger.ts';

export interface KnowledgeRouteDeps {
  ledger: Ledger;
  ingestor: Ingestor;
  corpus: CorpusCache;
  atlasMinSimilarity: number;
}

const IdParams = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'must be a file id from the status list') });
const MAX_LISTED_FILES = 1000;

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
  const { ledger, ingestor } = deps;
  const status = (): IngestStatusResponse => ({
    status: ledger.summary(),
    files: ledger.all().slice(0, MAX_LISTED_FILES).map(toProgress),
  });

  app.post('/api/knowledge/ingest', async (req) => {
    const body = parseWith(IngestRequest, req.body ?? {});
    if (!body.file_path) {
      const queued = await ingestor.rescan();
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
    const unsubscribe = ingestor.subscribe((e) => sse.send(e));
    reply.raw.on('close', unsubscribe);
  });

  app.post('/api/knowledge/ingest/:id/retry', async (req) => {
    const { id } = parseWith(IdParams, req.params);
    return { file: toProgress(ingestor.retry(id)) };
  });

  app.post('/api/knowledge/ingest/:id/cancel', async (req) => {
    const { id } = parseWith(IdParams, req.params);
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
