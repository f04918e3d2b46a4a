import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@pagi/runtime';
import { QdrantClient } from '@qdrant/js-client-rest';
import type { Ranking } from '../relevance.ts';
import { QdrantStore } from './qdrant-store.ts';

export interface QdrantOptions {
  url: string;
  apiKey?: string;
  dim: number;
  connectTimeoutMs: number;
  heartbeatMs: number;
  requestTimeoutMs: number;
  denseWeight?: number;
  ranking?: Ranking;
  logger: Logger;
}

/**
 * Qdrant is mandatory once configured: retry until it answers or `connectTimeoutMs` passes (then start-up fails with
 * a clear message), and afterwards watch it with a heartbeat that logs CRITICAL on loss and INFO on recovery.
 */
export async function connectQdrant(opts: QdrantOptions): Promise<QdrantStore> {
  const client = new QdrantClient({
    url: opts.url,
    apiKey: opts.apiKey,
    timeout: opts.requestTimeoutMs,
    checkCompatibility: false,
  });
  const deadline = Date.now() + opts.connectTimeoutMs;
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      await client.getCollections();
      break;
    } catch (err) {
      const msg = (err as Error).message;
      if (Date.now() >= deadline) {
        throw new Error(
          `Qdrant at ${opts.url} (QDRANT_URL) did not answer after ${attempt} attempts in ${opts.connectTimeoutMs} ms: ${msg}`,
        );
      }
      opts.logger.warn({ url: opts.url, attempt, err: msg }, 'Qdrant not reachable yet, retrying');
      await sleep(Math.min(2000, 250 * attempt));
    }
  }
  opts.logger.info({ url: opts.url }, 'connected to Qdrant');
  const store = new QdrantStore(client, opts.dim, opts.logger, opts);
  store.startHeartbeat(opts.heartbeatMs);
  return store;
}
