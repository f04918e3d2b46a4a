import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@pagi/runtime';
import type { Embedder } from '../embedding/embedder.ts';
import type { EmbeddedStore } from '../store/embedded/embedded-store.ts';

const CHUNK = 32;

/**
 * Memories written while another embedder was in use (e.g. the lexical fallback before the model became available)
 * are re-embedded in the background, a chunk at a time; until then they are found through the lexical ranking only.
 */
export function startReembedding(store: EmbeddedStore, embedder: Embedder, logger: Logger): () => Promise<void> {
  let stopped = false;
  const run = async () => {
    let done = 0;
    while (!stopped) {
      const stale = store.stale(CHUNK);
      if (!stale.length) break;
      try {
        const vectors = await embedder.embed(stale.map((r) => r.content));
        if (stopped) break;
        done += await store.refresh(stale.map((record, i) => ({ record, vector: vectors[i]! })));
      } catch (err) {
        logger.warn({ err }, 're-embedding paused after an embedder error');
        await sleep(5000);
      }
    }
    if (done)
      logger.info({ memories: done, embedder: embedder.kind }, 're-embedded memories with the current embedder');
  };
  const running = run();
  return async () => {
    stopped = true;
    await running;
  };
}
