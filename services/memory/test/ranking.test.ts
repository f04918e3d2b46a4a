// MEMORY_RANKING: each ranker can be consulted alone through the same store, to measure what each contributes.
import { afterAll, describe, expect, it } from 'vitest';
import { lexicalVector } from '../src/embedding/lexical-embedder.ts';
import type { EmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import type { Ranking } from '../src/store/relevance.ts';
import { newMemory, openEmbedded } from './helpers/stores.ts';

const DIM = 256;
const stores: EmbeddedStore[] = [];

async function storeWith(ranking: Ranking): Promise<EmbeddedStore> {
  const store = await openEmbedded(DIM, { ranking });
  stores.push(store);
  const texts = ['disk quota exceeded on volume data01', 'user prefers morning meetings', 'backup finished at night'];
  await store.upsert(texts.map((content, i) => newMemory('r', `m${i}`, content, DIM, { twinId: '' })));
  return store;
}

const ask = (store: EmbeddedStore, text: string) =>
  store.query({ namespace: 'r', text, vector: lexicalVector(text, DIM), topK: 3, domains: [], twinId: '' });

afterAll(async () => {
  for (const s of stores) await s.close();
});

describe('ranking modes', () => {
  it('lexical alone finds only memories sharing a word, and scores by coverage', async () => {
    const store = await storeWith('lexical');
    expect((await ask(store, 'quotas')).map((r) => r.record.content)).toEqual(['disk quota exceeded on volume data01']);
    expect(await ask(store, 'qouta')).toEqual([]);
    const [hit] = await ask(store, 'quota meetings');
    expect(hit!.score).toBeCloseTo(0.5, 1);
  });

  it('dense alone ranks every memory by similarity, misspellings included', async () => {
    const store = await storeWith('dense');
    const res = await ask(store, 'volum data01 exceded');
    expect(res).toHaveLength(3);
    expect(res[0]!.record.content).toBe('disk quota exceeded on volume data01');
    expect(res[0]!.score).toBeCloseTo(res[0]!.denseScore, 3);
  });

  it('hybrid consults both', async () => {
    const store = await storeWith('hybrid');
    const res = await ask(store, 'morning meetings');
    expect(res[0]!.record.content).toBe('user prefers morning meetings');
    expect(res[0]!.lexicalScore).toBe(1);
    expect(res[0]!.denseScore).toBeGreaterThan(0.5);
  });
});

describe('accents', () => {
  it('finds a memory written with accents by a query without them, and scores its coverage in full', async () => {
    const store = await storeWith('hybrid');
    await store.upsert([newMemory('r', 'accented', 'Résumé of the café meeting with Zoë', DIM, { twinId: '' })]);
    const [hit] = await ask(store, 'resume cafe zoe');
    expect(hit!.record.content).toBe('Résumé of the café meeting with Zoë');
    expect(hit!.lexicalScore).toBe(1);
    expect(hit!.score).toBeGreaterThan(0.7);
  });
});
