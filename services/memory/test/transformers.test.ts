import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTinyModel, type TinyModel } from './fixtures/tiny-model.ts';
import { startExpectingFailure, startMemory, tempDataDir, unary } from './helpers/memory-process.ts';

const WORDS =
  'the a of and is in on to cat dog sat mat rug barked loudly kernel panic driver crash memory leak server'.split(' ');
const DOCS = [
  'the cat sat on the mat',
  'the dog barked loudly',
  'kernel panic in the driver',
  'memory leak on the server',
];

let model: TinyModel;
let modelEnv: Record<string, string>;

beforeAll(() => {
  model = buildTinyModel(mkdtempSync(path.join(tmpdir(), 'pagi-model-')), WORDS);
  modelEnv = {
    EMBEDDING_MODEL_DIR: model.dir,
    EMBEDDING_MODEL_DIM: String(model.dim),
    EMBEDDING_MODEL_NAME: 'tiny-minilm',
  };
});

/** The reference: the same fixture through transformers.js directly, as the worker should run it. */
async function reference(texts: string[]): Promise<number[][]> {
  env.allowRemoteModels = false;
  const extractor = await pipeline('feature-extraction', model.dir, { dtype: 'fp32', local_files_only: true });
  const out = await extractor(texts, { pooling: 'mean', normalize: true });
  return out.tolist() as number[][];
}

function expectVectors(actual: number[][], expected: number[][]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [i, v] of actual.entries()) {
    expect(v).toHaveLength(model.dim);
    for (const [j, x] of v.entries()) expect(x).toBeCloseTo(expected[i]![j]!, 5);
  }
}

describe('transformers.js embedder', () => {
  it('loads a local model from EMBEDDING_MODEL_DIR and embeds with it, in batches', async () => {
    const svc = await startMemory({ env: modelEnv });
    try {
      const health = await unary(svc.client, 'HealthCheck', {});
      expect(health).toMatchObject({
        status: 'ok',
        embedder: 'transformers',
        embedding_model: 'tiny-minilm',
        embedding_dim: model.dim,
        detail: '',
      });
      await unary(svc.client, 'CommitMemories', { memories: DOCS.map((content) => ({ content, namespace: 'pets' })) });
      const list = await unary(svc.client, 'ListMemories', { namespace: 'pets', include_vectors: true });
      const expected = await reference(list.memories.map((m) => m.content));
      expectVectors(
        list.memories.map((m) => m.vector),
        expected,
      );

      // Dense similarity carries the query even without shared rare words: "dog barked" is closest to its doc.
      const res = await unary(svc.client, 'QueryMemory', { query: 'dog barked', namespace: 'pets', top_k: 4 });
      expect(res.embedder).toBe('transformers');
      expect(res.results[0]!.content).toBe('the dog barked loudly');
      expect(res.results[0]!.dense_score).toBeGreaterThan(res.results[3]!.dense_score);

      // Concurrent calls share model batches.
      const many = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          unary(svc.client, 'QueryMemory', { query: `${WORDS[i % WORDS.length]} crash`, namespace: 'pets', top_k: 2 }),
        ),
      );
      expect(many.every((r) => r.results.length === 2)).toBe(true);
      const metrics = await (await fetch(`http://127.0.0.1:${svc.metricsPort}/metrics`)).text();
      const count = Number(
        /memory_embedder_batch_size_count\{[^}]*embedder="transformers"[^}]*\} (\d+)/.exec(metrics)?.[1],
      );
      const sum = Number(
        /memory_embedder_batch_size_sum\{[^}]*embedder="transformers"[^}]*\} (\d+)/.exec(metrics)?.[1],
      );
      expect(sum).toBe(DOCS.length + 1 + 24);
      expect(count).toBeLessThan(sum - 1);
    } finally {
      expect(await svc.stop()).toBe(0);
    }
  });

  it('refuses to start when EMBEDDING_MODEL_DIM does not match the model', async () => {
    const { code, output } = await startExpectingFailure({ ...modelEnv, EMBEDDING_MODEL_DIM: '384' });
    expect(code).not.toBe(0);
    expect(output).toContain(`EMBEDDING_MODEL_DIM is 384 but model tiny-minilm produces ${model.dim}-dimensional`);
  });

  it('falls back to the lexical embedder, quickly, when EMBEDDING_MODEL_DIR holds no model', async () => {
    const empty = path.join(tempDataDir(), 'no-model');
    mkdirSync(empty);
    const started = Date.now();
    const svc = await startMemory({ env: { EMBEDDING_MODEL_DIR: empty } });
    try {
      expect(Date.now() - started).toBeLessThan(15_000);
      const health = await unary(svc.client, 'HealthCheck', {});
      expect(health.embedder).toBe('lexical-fallback');
      expect(health.status).toBe('degraded');
      expect(health.detail).toContain(`could not be loaded from EMBEDDING_MODEL_DIR=${empty}`);
    } finally {
      await svc.stop();
    }
  });

  it('re-embeds memories written by the fallback once the model is available', async () => {
    const dataDir = tempDataDir();
    let svc = await startMemory({ dataDir, env: { EMBEDDING_MODEL_DIM: String(model.dim) } });
    await unary(svc.client, 'CommitMemories', { memories: DOCS.map((content) => ({ content, namespace: 'pets' })) });
    expect((await unary(svc.client, 'HealthCheck', {})).embedder).toBe('lexical-fallback');
    await svc.stop();

    svc = await startMemory({ dataDir, env: modelEnv });
    try {
      await vi.waitFor(async () => expect((await unary(svc.client, 'HealthCheck', {})).detail).toBe(''), {
        timeout: 10_000,
        interval: 100,
      });
      const list = await unary(svc.client, 'ListMemories', { namespace: 'pets', include_vectors: true });
      expect(list.total).toBe(DOCS.length);
      const expected = await reference(list.memories.map((m) => m.content));
      expectVectors(
        list.memories.map((m) => m.vector),
        expected,
      );
      const res = await unary(svc.client, 'QueryMemory', { query: 'kernel panic', namespace: 'pets', top_k: 1 });
      expect(res.results[0]!.content).toBe('kernel panic in the driver');
    } finally {
      await svc.stop();
    }
  });
});
