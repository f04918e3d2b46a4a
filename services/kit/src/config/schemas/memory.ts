import { z } from 'zod';
import { common, dataDir, int, optionalStr, optionalUrl, port, str } from '../fields.ts';

export const memoryConfigSchema = z
  .object({
    ...common,
    MEMORY_GRPC_PORT: port(50052),
    MEMORY_METRICS_PORT: port(9152),
    /** When set, Qdrant is the store and must be reachable; unset: the embedded store under data/. */
    QDRANT_URL: optionalUrl(),
    QDRANT_API_KEY: optionalStr(),
    EMBEDDING_MODEL_NAME: str('all-MiniLM-L6-v2'),
    EMBEDDING_MODEL_DIM: int(384, 1, 8192),
    /** A local copy of the model (offline); otherwise it is downloaded once into EMBEDDING_CACHE_DIR. */
    EMBEDDING_MODEL_DIR: optionalStr(),
    EMBEDDING_CACHE_DIR: optionalStr(),
    VECTORS_DIR: optionalStr(),
    MEMORY_MAX_CONTENT_BYTES: int(65536, 1),
    MEMORY_MAX_BATCH: int(512, 1),
  })
  .transform((c) => ({
    ...c,
    STATE_DIR: dataDir(c, undefined, 'state'),
    EMBEDDING_CACHE_DIR: dataDir(c, c.EMBEDDING_CACHE_DIR, 'models'),
    VECTORS_DIR: dataDir(c, c.VECTORS_DIR, 'vectors'),
  }));
export type MemoryConfig = z.infer<typeof memoryConfigSchema>;
