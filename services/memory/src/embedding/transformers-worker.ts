// Runs the transformers.js feature-extraction pipeline in a worker thread so that tokenising and running the model
// never block the gRPC event loop. Messages: `load` once, then `embed` requests answered in order.
import { parentPort, workerData } from 'node:worker_threads';
import { env, type FeatureExtractionPipeline, pipeline } from '@huggingface/transformers';

export interface WorkerConfig {
  /** Hub id (e.g. Xenova/all-MiniLM-L6-v2) or an absolute local directory. */
  model: string;
  local: boolean;
  cacheDir: string;
  /** A hub id may be fetched from hubUrl when it is not in cacheDir yet; otherwise only cacheDir is read. */
  download: boolean;
  hubUrl: string;
  hubTimeoutMs: number;
  threads: number;
}

export type WorkerRequest = { type: 'embed'; id: number; texts: string[] };
export type WorkerReply =
  | { type: 'ready'; dim: number }
  | { type: 'failed'; error: string }
  | { type: 'embedded'; id: number; dim: number; data: Float32Array }
  | { type: 'error'; id: number; error: string };

const config = workerData as WorkerConfig;
const port = parentPort!;

/** A hub request that gets no response headers within the timeout is aborted (unreachable hub, no DNS, …). */
function fetchWithTimeout(input: string | URL, init?: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer from ${String(input)} within ${config.hubTimeoutMs} ms`)),
    config.hubTimeoutMs,
  );
  return fetch(input, { ...init, signal: controller.signal }).finally(() => clearTimeout(timer));
}

async function load(): Promise<FeatureExtractionPipeline> {
  const remote = !config.local && config.download;
  env.allowLocalModels = true;
  env.allowRemoteModels = remote;
  env.remoteHost = config.hubUrl.endsWith('/') ? config.hubUrl : `${config.hubUrl}/`;
  env.cacheDir = config.cacheDir;
  env.useFSCache = true;
  env.fetch = fetchWithTimeout as typeof env.fetch;
  const onnx = env.backends.onnx as { numThreads?: number };
  onnx.numThreads = config.threads;
  return pipeline('feature-extraction', config.model, {
    dtype: 'fp32',
    device: 'cpu',
    local_files_only: !remote,
    session_options: { intraOpNumThreads: config.threads, interOpNumThreads: 1 },
  });
}

async function run(): Promise<void> {
  let extractor: FeatureExtractionPipeline;
  let dim: number;
  try {
    extractor = await load();
    const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    dim = probe.dims.at(-1) ?? 0;
  } catch (err) {
    port.postMessage({ type: 'failed', error: (err as Error).message ?? String(err) } satisfies WorkerReply);
    return;
  }
  port.postMessage({ type: 'ready', dim } satisfies WorkerReply);
  port.on('message', async (req: WorkerRequest) => {
    try {
      const out = await extractor(req.texts, { pooling: 'mean', normalize: true });
      const data = Float32Array.from(out.data as Float32Array);
      port.postMessage({ type: 'embedded', id: req.id, dim, data } satisfies WorkerReply, [data.buffer]);
    } catch (err) {
      port.postMessage({ type: 'error', id: req.id, error: (err as Error).message } satisfies WorkerReply);
    }
  });
}

void run();
