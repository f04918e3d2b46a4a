import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Embedder } from './embedder.ts';
import type { WorkerConfig, WorkerReply, WorkerRequest } from './transformers-worker.ts';

export interface TransformersOptions {
  /** Hub id or absolute local directory. */
  model: string;
  /** Shown in HealthCheck. */
  modelName: string;
  local: boolean;
  cacheDir: string;
  download: boolean;
  hubUrl: string;
  hubTimeoutMs: number;
  loadTimeoutMs: number;
  batchSize: number;
  onBatch?: (size: number) => void;
}

interface Pending {
  texts: string[];
  out: Float32Array[];
  left: number;
  resolve: (v: Float32Array[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  job: Pending;
  index: number;
}

const WORKER_URL = new URL('./transformers-worker.ts', import.meta.url);
const CLOSE_GRACE_MS = 10_000;

/** Starts a model worker and resolves once the model answered a probe, with its output dimension. */
function startWorker(opts: TransformersOptions): Promise<{ worker: Worker; dim: number }> {
  const config: WorkerConfig = {
    model: opts.model,
    local: opts.local,
    cacheDir: opts.cacheDir,
    download: opts.download,
    hubUrl: opts.hubUrl,
    hubTimeoutMs: opts.hubTimeoutMs,
    threads: Math.max(1, availableParallelism() - 1),
  };
  const worker = new Worker(WORKER_URL, { workerData: config });
  return new Promise((resolve, reject) => {
    const fail = (msg: string) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(new Error(msg));
    };
    const timer = setTimeout(() => fail(`model load timed out after ${opts.loadTimeoutMs} ms`), opts.loadTimeoutMs);
    worker.once('message', (msg: WorkerReply) => {
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve({ worker, dim: msg.dim });
      } else fail(msg.type === 'failed' ? msg.error : `unexpected message ${msg.type}`);
    });
    worker.once('error', (err) => fail(err.message));
    worker.once('exit', (code) => fail(`model worker exited with code ${code}`));
  });
}

/** transformers.js feature extraction (mean pooling, normalised) in a worker thread; concurrent calls share batches. */
export class TransformersEmbedder implements Embedder {
  readonly kind = 'transformers' as const;
  readonly model: string;
  readonly dim: number;
  readonly detail = '';
  private readonly opts: TransformersOptions;
  private worker: Promise<Worker> | undefined;
  private readonly queue: Slot[] = [];
  private inFlight: Slot[] | null = null;
  /** Called when the running batch ends (answered, or the worker died). */
  private batchEnded: () => void = () => undefined;
  private nextId = 1;
  private closed = false;

  private constructor(opts: TransformersOptions, worker: Worker, dim: number) {
    this.opts = opts;
    this.model = opts.modelName;
    this.dim = dim;
    this.worker = Promise.resolve(this.watch(worker));
  }

  static async load(opts: TransformersOptions): Promise<TransformersEmbedder> {
    const { worker, dim } = await startWorker(opts);
    return new TransformersEmbedder(opts, worker, dim);
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    if (this.closed) return Promise.reject(new Error('embedder closed'));
    if (!texts.length) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const job: Pending = { texts, out: new Array(texts.length), left: texts.length, resolve, reject };
      for (let i = 0; i < texts.length; i++) this.queue.push({ job, index: i });
      void this.pump();
    });
  }

  /** Restarts the worker if it dies (the failure is given to the batch it was running). */
  private watch(worker: Worker): Worker {
    worker.on('message', (msg: WorkerReply) => this.onReply(msg));
    worker.once('exit', (code) => {
      this.worker = undefined;
      const lost = this.inFlight;
      this.inFlight = null;
      this.batchEnded();
      if (lost && !this.closed) for (const s of lost) s.job.reject(new Error(`model worker exited with code ${code}`));
      if (!this.closed) void this.pump();
    });
    return worker;
  }

  private async pump(): Promise<void> {
    if (this.inFlight || !this.queue.length || this.closed) return;
    const batch = this.queue.splice(0, this.opts.batchSize);
    this.inFlight = batch;
    try {
      this.worker ??= startWorker(this.opts).then(({ worker }) => this.watch(worker));
      const worker = await this.worker;
      this.opts.onBatch?.(batch.length);
      const req: WorkerRequest = { type: 'embed', id: this.nextId++, texts: batch.map((s) => s.job.texts[s.index]!) };
      worker.postMessage(req);
    } catch (err) {
      this.worker = undefined;
      this.inFlight = null;
      for (const s of batch) s.job.reject(err as Error);
      void this.pump();
    }
  }

  private onReply(msg: WorkerReply): void {
    const batch = this.inFlight;
    if (!batch || (msg.type !== 'embedded' && msg.type !== 'error')) return;
    this.inFlight = null;
    this.batchEnded();
    if (msg.type === 'error') {
      for (const s of batch) s.job.reject(new Error(`embedding failed: ${msg.error}`));
    } else {
      batch.forEach((s, i) => {
        s.job.out[s.index] = msg.data.slice(i * msg.dim, (i + 1) * msg.dim);
        if (--s.job.left === 0) s.job.resolve(s.job.out);
      });
    }
    void this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of [...this.queue, ...(this.inFlight ?? [])]) s.job.reject(new Error('embedder closed'));
    this.queue.length = 0;
    // Stopping the worker mid-inference can abort the whole process (the runtime is native): the batch ends first.
    if (this.inFlight) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.batchEnded = resolve;
        timer = setTimeout(resolve, CLOSE_GRACE_MS);
      });
      clearTimeout(timer);
    }
    const w = await this.worker?.catch(() => undefined);
    await w?.terminate();
  }
}
