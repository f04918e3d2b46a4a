import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@pagi/runtime';
import type { DenseHit, Placement, VectorReply, VectorRequest, VectorWorkerConfig } from './vector-worker.ts';

const WORKER_URL = new URL('./vector-worker.ts', import.meta.url);
const STOP_GRACE_MS = 10_000;

type Op = VectorRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Added = Placement & { twinId: string; vector: Float32Array };

/** One vector index worker (see vector-worker.ts) and the requests it has not answered yet. */
class Shard {
  private readonly worker: Worker;
  private readonly logger: Logger;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private stopping = false;
  private exited = false;
  failure = '';

  private constructor(worker: Worker, logger: Logger) {
    this.worker = worker;
    this.logger = logger;
  }

  /** Starts the worker and resolves once its collections are loaded (see index-load.ts). */
  static start(config: VectorWorkerConfig, logger: Logger): Promise<Shard> {
    const worker = new Worker(WORKER_URL, { workerData: config });
    const shard = new Shard(worker, logger);
    return new Promise((resolve, reject) => {
      worker.on('message', (msg: VectorReply) => {
        if (msg.type === 'ready') resolve(shard);
        else shard.onReply(msg);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        reject(new Error(`vector index worker exited with code ${code}`));
        shard.onExit(code);
      });
    });
  }

  private onReply(msg: VectorReply): void {
    if (msg.type === 'log') {
      this.logger[msg.level](msg.fields, msg.msg);
      return;
    }
    if (msg.type !== 'done' && msg.type !== 'failed') return;
    const p = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    if (msg.type === 'done') p?.resolve(msg.value);
    else p?.reject(new Error(msg.error));
  }

  private onExit(code: number): void {
    this.exited = true;
    if (this.stopping) return;
    this.failure = `vector index worker exited with code ${code}; restart the service to rebuild it from SQLite`;
    this.logger.error({ code }, 'vector index worker exited');
    for (const p of this.pending.values()) p.reject(new Error(this.failure));
    this.pending.clear();
  }

  request<T>(op: Op, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...op, id }, transfer);
    });
  }

  /**
   * Lets the worker answer what it was asked, then leave. terminate() while an HNSW insert is still running natively
   * can abort the whole process (node-addon-api), so it is only the fallback for a worker that does not leave.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.exited) return;
    const exited = once(this.worker, 'exit');
    this.worker.postMessage({ op: 'close', id: 0 } satisfies VectorRequest);
    const stuck = setTimeout(() => void this.worker.terminate(), STOP_GRACE_MS);
    await exited;
    clearTimeout(stuck);
  }
}

/**
 * The store's side of its vector indexes: a memory lives in shard `seq % shards`, each shard a worker thread. Writes
 * are posted in commit order and searches behind them, so a search sees every write that returned before it was asked.
 * `apply` resolves once the writes posted before it are indexed, not its own: the caller's next SQLite transaction then
 * overlaps the workers' HNSW inserts of this one, while at most one write per caller waits in the queues.
 */
export class VectorIndexes {
  private readonly shards: Shard[];
  private readonly logger: Logger;
  private readonly dim: number;
  private lastApply: Promise<unknown> = Promise.resolve();
  private writeFailure = '';

  private constructor(shards: Shard[], logger: Logger, dim: number) {
    this.shards = shards;
    this.logger = logger;
    this.dim = dim;
  }

  static async start(
    config: Omit<VectorWorkerConfig, 'shard' | 'shards'>,
    shards: number,
    logger: Logger,
  ): Promise<VectorIndexes> {
    // Each shard holds about 1/shards of a collection, so it leaves exact search at that share of the threshold.
    const index = { ...config.index, exactMax: Math.ceil(config.index.exactMax / shards) };
    const started = await Promise.allSettled(
      Array.from({ length: shards }, (_, shard) => Shard.start({ ...config, index, shard, shards }, logger)),
    );
    const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(ok.map((s) => s.stop()));
      throw failed.reason;
    }
    return new VectorIndexes(ok, logger, config.index.dim);
  }

  /** Why the indexes can no longer be trusted (a worker died, or a write failed in one); empty while healthy. */
  get failure(): string {
    return this.writeFailure || (this.shards.find((s) => s.failure)?.failure ?? '');
  }

  /** Posts committed writes (in commit order); resolves once the writes posted before these are indexed. */
  apply(removed: Placement[], added: Added[]): Promise<void> {
    if (!removed.length && !added.length) return Promise.resolve();
    const n = this.shards.length;
    const done = this.shards.map((shard, i) => {
      const gone = removed.filter((r) => r.seq % n === i).map(({ seq, collection }) => ({ seq, collection }));
      const mine = added.filter((a) => a.seq % n === i);
      if (!gone.length && !mine.length) return Promise.resolve();
      const vectors = new Float32Array(mine.length * this.dim);
      for (const [k, a] of mine.entries()) vectors.set(a.vector, k * this.dim);
      const placed = mine.map(({ seq, collection, twinId }) => ({ seq, collection, twinId }));
      return shard.request<void>({ op: 'apply', removed: gone, added: placed, vectors }, [vectors.buffer]);
    });
    const all = Promise.all(done).catch((err: Error) => {
      // SQLite holds the write; only an index missed it, and a restart catches the indexes up from SQLite.
      this.writeFailure ||= `vector index write failed: ${err.message}; restart the service to repair it`;
      this.logger.error({ err: err.message }, 'vector index write failed');
    });
    const before = this.lastApply;
    this.lastApply = all;
    return before.then(() => undefined);
  }

  /** The k nearest memories of `vector` in each collection, after every write posted so far. */
  async search(collections: string[], vector: Float32Array, k: number, twinId: string): Promise<DenseHit[]> {
    const parts = await Promise.all(
      this.shards.map((s) => s.request<DenseHit[][]>({ op: 'search', collections, vector, k, twinId })),
    );
    return collections.flatMap((_, c) =>
      parts
        .flatMap((shard) => shard[c]!)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, k),
    );
  }

  /** Writes every graph that changed since it was last written. */
  async persist(): Promise<void> {
    await Promise.all(this.shards.map((s) => s.request<void>({ op: 'persist' })));
  }

  /** Vector index mode per collection: hnsw once any shard of it has a graph, else exact. */
  async modes(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const part of await Promise.all(this.shards.map((s) => s.request<Record<string, string>>({ op: 'modes' })))) {
      for (const [name, mode] of Object.entries(part)) if (out[name] !== 'hnsw') out[name] = mode;
    }
    return out;
  }

  /** Persists (when healthy) and stops the workers. */
  async close(): Promise<void> {
    try {
      if (!this.failure) await this.persist();
    } finally {
      await Promise.all(this.shards.map((s) => s.stop()));
    }
  }
}
