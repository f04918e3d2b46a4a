// Listing one source file's memories: every store backend (Qdrant only when QDRANT_URL is set) and the gRPC edge.
import { randomUUID } from 'node:crypto';
import { QdrantClient } from '@qdrant/js-client-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListParams, MemoryStore, NewMemory } from '../src/store/types.ts';
import { type MemoryProcess, startMemory, unary } from './helpers/memory-process.ts';
import { newMemory, openEmbedded, openQdrant } from './helpers/stores.ts';

const DIM = 64;
const qdrantUrl = process.env.QDRANT_URL;

const backends: Array<{ name: string; open(): Promise<MemoryStore> }> = [
  { name: 'embedded', open: async () => openEmbedded(DIM) },
];
if (qdrantUrl) backends.push({ name: 'qdrant', open: () => openQdrant(qdrantUrl, DIM) });

/** Chunk `index` of `file`, in the mind domain unless `extra` says otherwise. */
const memory = (namespace: string, file: string, index: number, extra: Partial<NewMemory> = {}) =>
  newMemory(namespace, `${file}#${index}`, `${file} chunk ${index}`, DIM, {
    domain: 'mind',
    memoryType: 'knowledge',
    sourceFile: file,
    chunkIndex: index,
    contentHash: 'h',
    ...extra,
  });

describe.each(backends)('listing by source file: $name', (backend) => {
  let store: MemoryStore;
  const ns = `s${randomUUID().slice(0, 8)}`;
  const list = (p: Partial<ListParams>) =>
    store.list({ namespace: ns, limit: 100, cursor: '', includeVectors: false, domains: [], twinId: '', ...p });

  beforeAll(async () => {
    store = await backend.open();
    await store.upsert([
      memory(ns, 'a.md', 0),
      memory(ns, 'b.md', 0),
      memory(ns, 'a.md', 1, { domain: 'soul' }),
      memory(ns, 'a.md', 2, { twinId: 'twin-2' }),
      memory(`${ns}x`, 'a.md', 0),
    ]);
  });

  afterAll(async () => {
    if (backend.name === 'qdrant' && qdrantUrl) {
      const client = new QdrantClient({
        url: qdrantUrl,
        apiKey: process.env.QDRANT_API_KEY,
        checkCompatibility: false,
      });
      const { collections } = await client.getCollections();
      for (const c of collections) if (c.name.startsWith(ns)) await client.deleteCollection(c.name);
    }
    await store.close();
  });

  it("gives only that file's memories of the namespace, across domains, with the total of the filter", async () => {
    const page = await list({ sourceFile: 'a.md' });
    expect(page.total).toBe(3);
    expect(page.items.map((m) => m.chunkIndex).sort()).toEqual([0, 1, 2]);
    expect(new Set(page.items.map((m) => `${m.namespace}/${m.sourceFile}`))).toEqual(new Set([`${ns}/a.md`]));
    expect((await list({})).total).toBe(4);
  });

  it('combines with the domain and twin filters and pages like any listing', async () => {
    expect((await list({ sourceFile: 'a.md', domains: ['soul'] })).items.map((m) => m.chunkIndex)).toEqual([1]);
    expect((await list({ sourceFile: 'a.md', twinId: 'twin-2' })).items.map((m) => m.chunkIndex)).toEqual([2]);
    const seen: number[] = [];
    let cursor = '';
    do {
      const page = await list({ sourceFile: 'a.md', limit: 2, cursor });
      seen.push(...page.items.map((m) => m.chunkIndex));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([0, 1, 2]);
    expect((await list({ sourceFile: 'missing.md' })).items).toEqual([]);
  });
});

describe('ListMemories source_file over gRPC', () => {
  let svc: MemoryProcess;
  beforeAll(async () => {
    svc = await startMemory();
    await unary(svc.client, 'CommitMemories', {
      memories: ['a.md', 'a.md', 'b.md'].map((file, i) => ({
        content: `text ${i} of ${file}`,
        namespace: 'kb',
        source: { file, chunk_index: i, content_hash: 'h' },
        key: `${file}#${i}`,
      })),
    });
  });
  afterAll(async () => {
    expect(await svc.stop()).toBe(0);
  });

  it('filters by source file and refuses an over-long one', async () => {
    const res = await unary(svc.client, 'ListMemories', { namespace: 'kb', source_file: 'a.md' });
    expect(res.total).toBe(2);
    expect(res.memories.map((m) => m.source?.file)).toEqual(['a.md', 'a.md']);
    expect((await unary(svc.client, 'ListMemories', { namespace: 'kb' })).total).toBe(3);
    await expect(
      unary(svc.client, 'ListMemories', { namespace: 'kb', source_file: 'x'.repeat(1025) }),
    ).rejects.toMatchObject({ code: 3 });
  });
});
