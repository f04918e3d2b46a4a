// Where the embedding model comes from when EMBEDDING_MODEL_DIR is not set: EMBEDDING_CACHE_DIR, filled by a one-time
// download from EMBEDDING_HUB_URL only when EMBEDDING_DOWNLOAD allows it. The hub here is a local server that serves
// the tiny model fixture in the hub's URL layout and counts what it is asked for.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyModel, type TinyModel } from './fixtures/tiny-model.ts';
import { startMemory, tempDataDir, unary } from './helpers/memory-process.ts';

const REPO = 'test-org/tiny-minilm';
let model: TinyModel;
let hub: http.Server;
let hubUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  model = buildTinyModel(mkdtempSync(path.join(tmpdir(), 'pagi-hub-model-')), 'the cat sat on a mat'.split(' '));
  hub = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = new RegExp(`^/${REPO}/resolve/main/(.+)$`).exec(req.url ?? '')?.[1];
    const local = file && path.join(model.dir, path.normalize(file));
    if (!(local?.startsWith(model.dir) && existsSync(local))) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(local));
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => hub.close(() => resolve())));

const env = (extra: Record<string, string>) => ({
  EMBEDDING_MODEL_NAME: REPO,
  EMBEDDING_MODEL_DIM: String(model.dim),
  EMBEDDING_HUB_URL: hubUrl,
  ...extra,
});

describe('embedding model download', () => {
  it('asks no hub by default, and says how to allow the download', async () => {
    requests.length = 0;
    const svc = await startMemory({ env: env({}) });
    try {
      const health = await unary(svc.client, 'HealthCheck', {});
      expect(health.embedder).toBe('lexical-fallback');
      expect(health.detail).toContain('downloading is off: set EMBEDDING_DOWNLOAD=true');
      expect(requests).toEqual([]);
    } finally {
      await svc.stop();
    }
  });

  it('downloads the model once into the cache when allowed, then loads it from there with downloads off', async () => {
    const dataDir = tempDataDir();
    requests.length = 0;
    const first = await startMemory({ dataDir, env: env({ EMBEDDING_DOWNLOAD: 'true' }) });
    try {
      expect(await unary(first.client, 'HealthCheck', {})).toMatchObject({ status: 'ok', embedder: 'transformers' });
      expect(requests).toEqual(expect.arrayContaining([`/${REPO}/resolve/main/onnx/model.onnx`]));
      expect(existsSync(path.join(dataDir, 'models', REPO, 'onnx/model.onnx'))).toBe(true);
    } finally {
      await first.stop();
    }

    requests.length = 0;
    const second = await startMemory({ dataDir, env: env({}) });
    try {
      expect(await unary(second.client, 'HealthCheck', {})).toMatchObject({ status: 'ok', embedder: 'transformers' });
      expect(requests).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('falls back, naming the hub, when the download fails', async () => {
    const svc = await startMemory({
      env: env({ EMBEDDING_DOWNLOAD: 'true', EMBEDDING_MODEL_NAME: 'test-org/missing-model' }),
    });
    try {
      const health = await unary(svc.client, 'HealthCheck', {});
      expect(health.embedder).toBe('lexical-fallback');
      expect(health.detail).toContain(`could not be downloaded from ${hubUrl}`);
    } finally {
      await svc.stop();
    }
  });
});
