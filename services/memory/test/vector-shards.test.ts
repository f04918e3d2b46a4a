// The embedded store's vector indexes live in worker threads, one shard of every collection each: the shard count can
// change between runs, and a worker that dies leaves the store answering lexically and saying why.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { lexicalVector } from '../src/embedding/lexical-embedder.ts';
import type { EmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { tempDataDir } from './helpers/memory-process.ts';
import { newMemory, openEmbedded } from './helpers/stores.ts';

const DIM = 64;
const TOPICS = ['volcano', 'glacier', 'harbor', 'orchard', 'canyon'];
const notes = Array.from({ length: 60 }, (_, i) =>
  newMemory('geo', `n${i}`, `note ${i} about the ${TOPICS[i % 5]} survey code Z${i}Q`, DIM, { twinId: '' }),
);
const ask = (store: EmbeddedStore, text: string) =>
  store.query({ namespace: 'geo', text, vector: lexicalVector(text, DIM), topK: 5, domains: [], twinId: '' });
const graphs = (dir: string) =>
  readdirSync(path.join(dir, 'vectors'))
    .filter((f) => f.endsWith('.hnsw'))
    .sort();

const open: EmbeddedStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => undefined);
});

describe('vector index shards', () => {
  it('gives the same answers with one shard or three, and re-shards persisted graphs when the count changes', async () => {
    const dir = tempDataDir();
    const one = await openEmbedded(DIM, { dir, exactMax: 0, indexThreads: 1 });
    await one.upsert(notes);
    const questions = ['glacier survey', 'Z17Q', 'orchard note 40', 'harbor'];
    const before = await Promise.all(questions.map(async (q) => (await ask(one, q)).map((r) => r.record.id)));
    await one.close();
    expect(graphs(dir)).toEqual(['geo.general.hnsw']);

    const three = await openEmbedded(DIM, { dir, exactMax: 0, indexThreads: 3 });
    open.push(three);
    const after = await Promise.all(questions.map(async (q) => (await ask(three, q)).map((r) => r.record.id)));
    expect(after).toEqual(before);
    expect(await three.indexModes()).toEqual({ 'geo.general': 'hnsw' });
    // The one-shard graph does not fit the layout: removed, and each shard's graph rebuilt from SQLite and persisted.
    expect(graphs(dir)).toEqual([
      'geo.general.shard0of3.hnsw',
      'geo.general.shard1of3.hnsw',
      'geo.general.shard2of3.hnsw',
    ]);
  });

  it('keeps answering lexically, and says why, when a vector index worker dies', async () => {
    const store = await openEmbedded(DIM, { indexThreads: 2 });
    open.push(store);
    await store.upsert(notes);
    expect(store.problem()).toBe('');
    // A search is answered behind the writes: the worker is idle when it dies, as it would be between requests.
    await ask(store, 'Z17Q');
    const internals = store as unknown as { vectors: { shards: Array<{ worker: Worker }> } };
    await internals.vectors.shards[1]!.worker.terminate();
    await expect.poll(() => store.problem()).toMatch(/vector index worker exited .*restart the service/);

    const hits = await ask(store, 'Z17Q');
    expect(hits[0]?.record.content).toBe('note 17 about the harbor survey code Z17Q');
    expect(hits[0]?.lexicalScore).toBe(1);
    // Writes still reach SQLite (the truth, from which a restart rebuilds the indexes).
    await store.upsert([newMemory('geo', 'late', 'a late note about the delta survey code Z99Q', DIM, { twinId: '' })]);
    expect((await ask(store, 'Z99Q'))[0]?.record.content).toBe('a late note about the delta survey code Z99Q');
  });
});
