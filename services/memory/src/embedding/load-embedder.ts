import path from 'node:path';
import { fromRoot, type Logger, type MemoryConfig } from '@pagi/runtime';
import type { Embedder } from './embedder.ts';
import { LexicalEmbedder } from './lexical-embedder.ts';
import { TransformersEmbedder } from './transformers-embedder.ts';

/** The configured model exists but its output does not match EMBEDDING_MODEL_DIM: a configuration error, not a fallback. */
export class DimensionMismatchError extends Error {}

const short = (msg: string) => (msg.length > 400 ? `${msg.slice(0, 400)}…` : msg);

/**
 * Loads the transformer model (EMBEDDING_MODEL_DIR, else EMBEDDING_CACHE_DIR, downloading into it from the hub when
 * EMBEDDING_DOWNLOAD allows), bounded by EMBEDDING_LOAD_TIMEOUT_MS. When it cannot be loaded, returns the lexical
 * embedder and says why, loudly.
 */
export async function loadEmbedder(
  config: MemoryConfig,
  logger: Logger,
  onBatch: (size: number) => void,
): Promise<Embedder> {
  const name = config.EMBEDDING_MODEL_NAME;
  const dir = config.EMBEDDING_MODEL_DIR ? fromRoot(config.EMBEDDING_MODEL_DIR) : undefined;
  const hubId = name.includes('/') ? name : `Xenova/${name}`;
  const started = performance.now();
  let reason: string;
  try {
    const embedder = await TransformersEmbedder.load({
      model: dir ? path.resolve(dir) : hubId,
      modelName: name,
      local: Boolean(dir),
      cacheDir: config.EMBEDDING_CACHE_DIR,
      download: config.EMBEDDING_DOWNLOAD,
      hubUrl: config.EMBEDDING_HUB_URL,
      hubTimeoutMs: config.EMBEDDING_HUB_TIMEOUT_MS,
      loadTimeoutMs: config.EMBEDDING_LOAD_TIMEOUT_MS,
      batchSize: config.EMBEDDING_BATCH_SIZE,
      onBatch,
    });
    if (embedder.dim !== config.EMBEDDING_MODEL_DIM) {
      await embedder.close();
      throw new DimensionMismatchError(
        `EMBEDDING_MODEL_DIM is ${config.EMBEDDING_MODEL_DIM} but model ${name} produces ${embedder.dim}-dimensional ` +
          `embeddings; set EMBEDDING_MODEL_DIM=${embedder.dim} or use a matching model`,
      );
    }
    logger.info(
      { model: name, source: dir ?? hubId, dim: embedder.dim, ms: Math.round(performance.now() - started) },
      'embedding model loaded',
    );
    return embedder;
  } catch (err) {
    if (err instanceof DimensionMismatchError) throw err;
    const msg = short((err as Error).message ?? String(err));
    reason = dir
      ? `model ${name} could not be loaded from EMBEDDING_MODEL_DIR=${dir}: ${msg}`
      : config.EMBEDDING_DOWNLOAD
        ? `model ${hubId} is not in EMBEDDING_CACHE_DIR=${config.EMBEDDING_CACHE_DIR} and could not be downloaded from ${config.EMBEDDING_HUB_URL}: ${msg}`
        : `model ${hubId} is not in EMBEDDING_CACHE_DIR=${config.EMBEDDING_CACHE_DIR}, and downloading is off: set EMBEDDING_DOWNLOAD=true to fetch it once, or put it in EMBEDDING_MODEL_DIR`;
  }
  logger.warn(
    { reason, dim: config.EMBEDDING_MODEL_DIM },
    'EMBEDDER FALLBACK: using the lexical embedder (feature hashing); semantic search quality is reduced',
  );
  return new LexicalEmbedder(config.EMBEDDING_MODEL_DIM, `lexical fallback in use: ${reason}`, onBatch);
}
