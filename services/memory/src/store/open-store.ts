import { availableParallelism } from 'node:os';
import type { Logger, MemoryConfig } from '@pagi/runtime';
import { type Embedder, embedderSignature } from '../embedding/embedder.ts';
import { EmbeddedStore } from './embedded/embedded-store.ts';
import { DEFAULT_HNSW } from './embedded/vector-collection.ts';
import { DENSE_WEIGHT } from './fusion.ts';
import { connectQdrant } from './qdrant/connect.ts';
import type { MemoryStore } from './types.ts';

/** Qdrant when QDRANT_URL is set (then it is mandatory), otherwise the embedded store under DATA_DIR. */
export async function openStore(config: MemoryConfig, embedder: Embedder, logger: Logger): Promise<MemoryStore> {
  if (config.QDRANT_URL) {
    return connectQdrant({
      url: config.QDRANT_URL,
      apiKey: config.QDRANT_API_KEY,
      dim: embedder.dim,
      connectTimeoutMs: config.QDRANT_CONNECT_TIMEOUT_MS,
      heartbeatMs: config.QDRANT_HEARTBEAT_MS,
      requestTimeoutMs: config.QDRANT_TIMEOUT_MS,
      denseWeight: denseWeight(config, embedder),
      ranking: config.MEMORY_RANKING,
      logger,
    });
  }
  return EmbeddedStore.open({
    stateDir: config.STATE_DIR,
    vectorsDir: config.VECTORS_DIR,
    embedder: embedderSignature(embedder),
    denseWeight: denseWeight(config, embedder),
    ranking: config.MEMORY_RANKING,
    index: { dim: embedder.dim, exactMax: config.MEMORY_EXACT_MAX_VECTORS, ...DEFAULT_HNSW },
    indexThreads: indexThreads(config.MEMORY_INDEX_THREADS),
    persistEveryMs: config.MEMORY_INDEX_PERSIST_SECONDS * 1000,
    logger,
  });
}

/** MEMORY_INDEX_THREADS, where 0 means one per CPU core, at most 4. */
export function indexThreads(configured: number): number {
  return configured || Math.min(4, availableParallelism());
}

function denseWeight(config: MemoryConfig, embedder: Embedder): number {
  if (config.MEMORY_DENSE_WEIGHT !== undefined) return config.MEMORY_DENSE_WEIGHT;
  return embedder.kind === 'lexical-fallback' ? DENSE_WEIGHT.lexicalFallback : DENSE_WEIGHT.model;
}
