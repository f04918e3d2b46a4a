import { z } from 'zod';
import {
  bool,
  choice,
  common,
  dataDir,
  int,
  optionalNumber,
  optionalStr,
  optionalUrl,
  port,
  str,
  url,
} from '../fields.ts';

export const memoryConfigSchema = z
  .object({
    ...common,
    MEMORY_GRPC_PORT: port(50052),
    MEMORY_METRICS_PORT: port(9152),
    /** When set, Qdrant is the store and must be reachable; unset: the embedded store under data/. */
    QDRANT_URL: optionalUrl(),
    QDRANT_API_KEY: optionalStr(),
    /** How long start-up keeps retrying an unreachable Qdrant before exiting non-zero. */
    QDRANT_CONNECT_TIMEOUT_MS: int(30000, 0),
    QDRANT_HEARTBEAT_MS: int(10000, 100),
    QDRANT_TIMEOUT_MS: int(10000, 100),
    EMBEDDING_MODEL_NAME: str('all-MiniLM-L6-v2'),
    EMBEDDING_MODEL_DIM: int(384, 1, 8192),
    /** A local copy of the model (offline); otherwise it is looked up in EMBEDDING_CACHE_DIR. */
    EMBEDDING_MODEL_DIR: optionalStr(),
    EMBEDDING_CACHE_DIR: optionalStr(),
    /**
     * Whether the model may be downloaded (once, into EMBEDDING_CACHE_DIR) from EMBEDDING_HUB_URL. Off by default:
     * the platform makes no outbound connection unless asked to.
     */
    EMBEDDING_DOWNLOAD: bool(false),
    /** The model hub (or a mirror of it) downloads come from. */
    EMBEDDING_HUB_URL: url('https://huggingface.co/'),
    /** Upper bound on loading the model (including a first download); past it the lexical fallback is used. */
    EMBEDDING_LOAD_TIMEOUT_MS: int(180000, 1000),
    /** How long to wait for the model hub to answer each request before giving up on a download. */
    EMBEDDING_HUB_TIMEOUT_MS: int(5000, 100),
    /** Texts per embedding batch sent to the model worker. */
    EMBEDDING_BATCH_SIZE: int(32, 1, 1024),
    VECTORS_DIR: optionalStr(),
    MEMORY_MAX_CONTENT_BYTES: int(65536, 1),
    MEMORY_MAX_BATCH: int(512, 1),
    /** Collections up to this many vectors are searched exactly; larger ones use an HNSW index. */
    MEMORY_EXACT_MAX_VECTORS: int(2000, 0),
    /** Which rankers a query consults: both fused (the default), or one alone, to measure what each contributes. */
    MEMORY_RANKING: choice(['hybrid', 'dense', 'lexical'], 'hybrid'),
    /** The dense ranking's say next to BM25 in fusion; unset: 1 with a model, 0.25 with the lexical fallback. */
    MEMORY_DENSE_WEIGHT: optionalNumber(0, 10),
    /**
     * Worker threads holding the vector indexes, each a shard of every collection: inserts and searches run on all in
     * parallel. 0: one per CPU core, at most 4.
     */
    MEMORY_INDEX_THREADS: int(0, 0, 16),
    /** How often changed HNSW indexes are written to VECTORS_DIR (also on shutdown). */
    MEMORY_INDEX_PERSIST_SECONDS: int(60, 1),
  })
  .transform((c) => ({
    ...c,
    STATE_DIR: dataDir(c, undefined, 'state'),
    EMBEDDING_CACHE_DIR: dataDir(c, c.EMBEDDING_CACHE_DIR, 'models'),
    VECTORS_DIR: dataDir(c, c.VECTORS_DIR, 'vectors'),
  }));
export type MemoryConfig = z.infer<typeof memoryConfigSchema>;
