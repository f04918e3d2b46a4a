import { CodedError } from '@pagi/contracts';
import type { AsyncHandlers } from '@pagi/runtime';
import type { MemoryServiceHandlers } from '@pagi/runtime/gen/memory/MemoryService.ts';
import type { Embedder } from '../embedding/embedder.ts';
import type { MemoryRecord, MemoryStore, NewMemory } from '../store/types.ts';
import { memoryId, pageToken } from './ids.ts';
import type { MemoryMetrics } from './metrics.ts';
import {
  batchSchema,
  type CommitInput,
  commitSchema,
  deleteSchema,
  type Limits,
  listSchema,
  querySchema,
} from './validation.ts';

export interface MemoryServiceDeps {
  store: MemoryStore;
  embedder: Embedder;
  limits: Limits;
  metrics: MemoryMetrics;
  /** Called after every write (commit or delete). */
  onWrite?: () => void;
}

const ms = (since: number) => performance.now() - since;

function source(r: MemoryRecord) {
  return { file: r.sourceFile, chunk_index: r.chunkIndex, content_hash: r.contentHash };
}

/**
 * Keeps the per-collection counts gauge current: refreshed at most once per `debounceMs` after writes (counting is a
 * scan, too costly per request) and periodically. Returns `changed` (to call after writes) and `stop`.
 */
export function countsPublisher(store: MemoryStore, metrics: MemoryMetrics, onError: (err: unknown) => void) {
  const refresh = async () => {
    try {
      const counts = await store.counts();
      metrics.collectionCount.reset();
      for (const c of counts) metrics.collectionCount.set({ collection: c.name }, c.count);
    } catch (err) {
      onError(err);
    }
  };
  let pending: NodeJS.Timeout | undefined;
  const periodic = setInterval(refresh, 15_000);
  periodic.unref();
  void refresh();
  return {
    changed: () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        void refresh();
      }, 500);
    },
    stop: () => {
      clearInterval(periodic);
      clearTimeout(pending);
    },
  };
}

/** The gRPC handlers: validate, embed, then hand over to the store. */
export function memoryHandlers(deps: MemoryServiceDeps): AsyncHandlers<MemoryServiceHandlers> {
  const { store, embedder, metrics } = deps;
  const commitOne = commitSchema(deps.limits);
  const commitMany = batchSchema(deps.limits);

  const embed = async (texts: string[]) => {
    try {
      return await embedder.embed(texts);
    } catch (err) {
      throw new CodedError('unavailable', `embedder unavailable: ${(err as Error).message}`);
    }
  };

  const commit = async (inputs: CommitInput[], kind: string): Promise<string[]> => {
    const started = performance.now();
    const vectors = await embed(inputs.map((m) => m.content));
    const batch: NewMemory[] = inputs.map((m, i) => ({
      id: memoryId(m.namespace, m.key),
      content: m.content,
      namespace: m.namespace,
      twinId: m.twin_id,
      domain: m.domain,
      memoryType: m.memory_type,
      sourceFile: m.source.file,
      chunkIndex: m.source.chunk_index,
      contentHash: m.source.content_hash,
      metadata: m.metadata,
      vector: vectors[i]!,
    }));
    await store.upsert(batch);
    deps.onWrite?.();
    metrics.commitLatency.observe({ kind }, ms(started) / 1000);
    metrics.commitSize.observe(batch.length);
    return batch.map((m) => m.id);
  };

  return {
    CommitMemory: async (req) => {
      const [id] = await commit([commitOne.parse(req)], 'single');
      return { memory_id: id, success: true };
    },

    CommitMemories: async (req) => {
      const { memories } = commitMany.parse(req);
      const ids = await commit(memories, 'batch');
      return { memory_ids: ids, committed: ids.length, success: true };
    },

    QueryMemory: async (req) => {
      const q = querySchema.parse(req);
      const t0 = performance.now();
      const [vector] = await embed([q.query]);
      const embedMs = ms(t0);
      const t1 = performance.now();
      const results = await store.query({
        namespace: q.namespace,
        text: q.query,
        vector: vector!,
        topK: q.top_k,
        domains: q.domains,
        twinId: q.twin_id,
      });
      const searchMs = ms(t1);
      metrics.queryLatency.observe({ phase: 'embed' }, embedMs / 1000);
      metrics.queryLatency.observe({ phase: 'search' }, searchMs / 1000);
      return {
        results: results.map((r) => ({
          id: r.record.id,
          content: r.record.content,
          domain: r.record.domain,
          score: r.score,
          metadata: r.record.metadata,
          namespace: r.record.namespace,
          twin_id: r.record.twinId,
          memory_type: r.record.memoryType,
          source: source(r.record),
          dense_score: r.denseScore,
          lexical_score: r.lexicalScore,
          created_at_ms: r.record.createdAtMs,
        })),
        total: results.length,
        timings: { embed_ms: embedMs, search_ms: searchMs },
        embedder: embedder.kind,
      };
    },

    ListMemories: async (req) => {
      const p = listSchema.parse(req);
      let page: Awaited<ReturnType<MemoryStore['list']>>;
      try {
        page = await store.list({
          namespace: p.namespace,
          limit: p.limit,
          cursor: pageToken.decode(p.page_token),
          includeVectors: p.include_vectors,
          domains: p.domains,
          twinId: p.twin_id,
          sourceFile: p.source_file,
        });
      } catch (err) {
        if (err instanceof RangeError)
          throw new CodedError('invalid_request', 'page_token: not a token returned by ListMemories');
        throw err;
      }
      return {
        memories: page.items.map((r) => ({
          id: r.id,
          content: r.content,
          namespace: r.namespace,
          twin_id: r.twinId,
          domain: r.domain,
          memory_type: r.memoryType,
          source: source(r),
          metadata: r.metadata,
          created_at_ms: r.createdAtMs,
          updated_at_ms: r.updatedAtMs,
          vector: r.vector ? Array.from(r.vector) : [],
        })),
        next_page_token: pageToken.encode(page.nextCursor),
        total: page.total,
      };
    },

    DeleteMemory: async (req) => {
      const d = deleteSchema.parse(req);
      if (d.memory_id) {
        if (!(await store.deleteById(d.memory_id)))
          throw new CodedError('not_found', `memory ${d.memory_id} not found`);
        deps.onWrite?.();
        return { success: true, deleted: 1 };
      }
      const deleted = await store.deleteBySource(d.namespace, d.source_file);
      deps.onWrite?.();
      return { success: true, deleted };
    },

    HealthCheck: async () => {
      const counts = await store.counts();
      const problems = [embedder.detail, store.problem()].filter(Boolean);
      return {
        status: problems.length ? 'degraded' : 'ok',
        store_backend: store.backend,
        embedder: embedder.kind,
        embedding_model: embedder.model,
        embedding_dim: embedder.dim,
        collections: counts.map((c) => ({ name: c.name, count: c.count })),
        detail: problems.join('; '),
      };
    },
  };
}
