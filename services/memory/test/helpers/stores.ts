// Stores opened directly (no gRPC) for the store tests: the embedded store in a temporary folder, Qdrant when
// QDRANT_URL is set, and memories with lexical vectors.
import { createLogger } from '@pagi/runtime';
import { lexicalVector } from '../../src/embedding/lexical-embedder.ts';
import { memoryId } from '../../src/service/ids.ts';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { DEFAULT_HNSW } from '../../src/store/embedded/vector-collection.ts';
import { connectQdrant } from '../../src/store/qdrant/connect.ts';
import type { Ranking } from '../../src/store/relevance.ts';
import type { MemoryStore, NewMemory } from '../../src/store/types.ts';
import { tempDataDir } from './memory-process.ts';

export const logger = createLogger('memory-test', 'silent');

/** An embedded store in a fresh folder (or `dir`); `exactMax` 0 puts every collection in an HNSW graph. */
export function openEmbedded(
  dim: number,
  opts: { exactMax?: number; ranking?: Ranking; indexThreads?: number; dir?: string } = {},
): Promise<EmbeddedStore> {
  const dir = opts.dir ?? tempDataDir();
  return EmbeddedStore.open({
    stateDir: `${dir}/state`,
    vectorsDir: `${dir}/vectors`,
    embedder: `lexical-fallback:test:${dim}`,
    ...(opts.ranking ? { ranking: opts.ranking } : {}),
    indexThreads: opts.indexThreads ?? 1,
    index: { dim, exactMax: opts.exactMax ?? 1000, ...DEFAULT_HNSW },
    persistEveryMs: 60_000,
    logger,
  });
}

/** The Qdrant store at QDRANT_URL (call only when it is set). */
export function openQdrant(url: string, dim: number): Promise<MemoryStore> {
  return connectQdrant({
    url,
    apiKey: process.env.QDRANT_API_KEY,
    dim,
    connectTimeoutMs: 10_000,
    heartbeatMs: 60_000,
    requestTimeoutMs: 10_000,
    logger,
  });
}

/** A memory of `content` under `key` with its lexical vector; `extra` overrides any field. */
export function newMemory(
  namespace: string,
  key: string,
  content: string,
  dim: number,
  extra: Partial<NewMemory> = {},
): NewMemory {
  return {
    id: memoryId(namespace, key),
    content,
    namespace,
    twinId: 'twin-1',
    domain: '',
    memoryType: 'note',
    sourceFile: '',
    chunkIndex: 0,
    contentHash: '',
    metadata: {},
    vector: lexicalVector(content, dim),
    ...extra,
  };
}
