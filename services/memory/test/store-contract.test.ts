// One contract for every store backend: always the embedded store; Qdrant too when QDRANT_URL is set.
import { randomUUID } from 'node:crypto';
import type { Domain } from '@pagi/contracts';
import { QdrantClient } from '@qdrant/js-client-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lexicalVector } from '../src/embedding/lexical-embedder.ts';
import { memoryId } from '../src/service/ids.ts';
import type { MemoryStore, NewMemory } from '../src/store/types.ts';
import { newMemory, openEmbedded, openQdrant } from './helpers/stores.ts';

const DIM = 64;

interface Backend {
  name: string;
  open(): Promise<MemoryStore>;
  cleanup?(namespaces: string[]): Promise<void>;
}

const backends: Backend[] = [
  { name: 'embedded (exact search)', open: async () => openEmbedded(DIM) },
  { name: 'embedded (HNSW)', open: async () => openEmbedded(DIM, { exactMax: 0 }) },
  { name: 'embedded (HNSW, 3 shards)', open: async () => openEmbedded(DIM, { exactMax: 0, indexThreads: 3 }) },
];

const qdrantUrl = process.env.QDRANT_URL;
if (qdrantUrl) {
  backends.push({
    name: 'qdrant',
    open: () => openQdrant(qdrantUrl, DIM),
    cleanup: async (namespaces) => {
      const client = new QdrantClient({
        url: qdrantUrl,
        apiKey: process.env.QDRANT_API_KEY,
        checkCompatibility: false,
      });
      const { collections } = await client.getCollections();
      for (const c of collections) {
        if (namespaces.some((ns) => c.name.startsWith(`${ns}.`))) await client.deleteCollection(c.name);
      }
    },
  });
}

const memory = (namespace: string, key: string, content: string, extra: Partial<NewMemory> = {}) =>
  newMemory(namespace, key, content, DIM, extra);

const query = (
  store: MemoryStore,
  namespace: string,
  text: string,
  extra: { domains?: Domain[]; twinId?: string } = {},
) =>
  store.query({
    namespace,
    text,
    vector: lexicalVector(text, DIM),
    topK: 10,
    domains: extra.domains ?? [],
    twinId: extra.twinId ?? '',
  });

describe.each(backends)('store contract: $name', (backend) => {
  let store: MemoryStore;
  const ns = `c${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    store = await backend.open();
    await store.upsert([
      memory(ns, 'a', 'disk quota exceeded on volume data01', { domain: 'body', sourceFile: 'ops.md', chunkIndex: 0 }),
      memory(ns, 'b', 'user prefers morning meetings', { domain: 'heart', twinId: 'twin-2' }),
      memory(ns, 'c', 'incident INC-2291 postmortem: disk failure', {
        domain: 'body',
        sourceFile: 'ops.md',
        chunkIndex: 1,
      }),
      memory(ns, 'd', 'access tokens expire after one hour', { domain: 'soul', metadata: { level: 'high' } }),
      memory(ns, 'e', 'general note without a domain about disks'),
    ]);
  });

  afterAll(async () => {
    await backend.cleanup?.([ns]);
    await store.close();
  });

  it('ranks exact identifiers first and reports scores in [0, 1]', async () => {
    const res = await query(store, ns, 'INC-2291');
    expect(res[0]!.record.content).toBe('incident INC-2291 postmortem: disk failure');
    for (const r of res) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.lexicalScore).toBeLessThanOrEqual(1);
    }
    expect(res[0]!.score).toBeGreaterThan(0.7);
    expect(res[0]!.lexicalScore).toBe(1);
    expect(res[0]!.record).toMatchObject({ domain: 'body', sourceFile: 'ops.md', chunkIndex: 1, twinId: 'twin-1' });
  });

  it('scores on an absolute scale: a search for something never stored finds nothing scoring high', async () => {
    const res = await query(store, ns, 'kubernetes helm chart upgrade runbook');
    for (const r of res) expect(r.score).toBeLessThan(0.3);
    // Half of the query's words present: a partial match, well below a full one.
    const partial = await query(store, ns, 'disk quota policy');
    expect(partial[0]!.record.content).toBe('disk quota exceeded on volume data01');
    expect(partial[0]!.score).toBeGreaterThan(0.4);
    expect(partial[0]!.score).toBeLessThan(0.9);
  });

  it('filters by domain and twin', async () => {
    const body = await query(store, ns, 'disk', { domains: ['body'] });
    expect(body.map((r) => r.record.domain)).toEqual(['body', 'body']);
    const twin = await query(store, ns, 'meetings disk', { twinId: 'twin-2' });
    expect(twin.map((r) => r.record.content)).toEqual(['user prefers morning meetings']);
    const none = await query(store, `${ns}x`, 'disk');
    expect(none).toEqual([]);
  });

  it('replaces by id, keeping the creation time, also across domains', async () => {
    const [before] = (
      await store.list({ namespace: ns, limit: 100, cursor: '', includeVectors: false, domains: ['soul'], twinId: '' })
    ).items;
    await new Promise((r) => setTimeout(r, 5));
    await store.upsert([memory(ns, 'd', 'access tokens expire after two hours', { domain: 'mind' })]);
    const all = await store.list({
      namespace: ns,
      limit: 100,
      cursor: '',
      includeVectors: false,
      domains: [],
      twinId: '',
    });
    expect(all.total).toBe(5);
    const d = all.items.find((m) => m.id === memoryId(ns, 'd'))!;
    expect(d).toMatchObject({ content: 'access tokens expire after two hours', domain: 'mind' });
    expect(d.createdAtMs).toBe(before!.createdAtMs);
    expect(d.updatedAtMs).toBeGreaterThan(before!.updatedAtMs);
    expect((await query(store, ns, 'tokens expire', { domains: ['soul'] })).length).toBe(0);
  });

  it('pages through a namespace with vectors', async () => {
    const seen = new Set<string>();
    let cursor = '';
    do {
      const page = await store.list({ namespace: ns, limit: 2, cursor, includeVectors: true, domains: [], twinId: '' });
      expect(page.total).toBe(5);
      for (const m of page.items) {
        expect(m.vector).toHaveLength(DIM);
        seen.add(m.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(5);
  });

  it('deletes by id and by source, and counts per collection', async () => {
    expect(await store.deleteById(memoryId(ns, 'b'))).toBe(true);
    expect(await store.deleteById(memoryId(ns, 'b'))).toBe(false);
    expect(await store.deleteBySource(ns, 'ops.md')).toBe(2);
    expect(await store.deleteBySource(ns, 'ops.md')).toBe(0);
    expect((await query(store, ns, 'INC-2291 disk')).map((r) => r.record.content)).toEqual([
      'general note without a domain about disks',
      'access tokens expire after two hours',
    ]);
    const counts = (await store.counts()).filter((c) => c.name.startsWith(`${ns}.`) && c.count > 0);
    expect(counts).toEqual([
      { name: `${ns}.general`, count: 1 },
      { name: `${ns}.mind`, count: 1 },
    ]);
  });

  it('rejects a batch with a malformed vector as a whole', async () => {
    const bad = { ...memory(ns, 'z2', 'second'), vector: new Float32Array(DIM + 1) };
    await expect(store.upsert([memory(ns, 'z1', 'first'), bad])).rejects.toThrow();
    const all = await store.list({
      namespace: ns,
      limit: 100,
      cursor: '',
      includeVectors: false,
      domains: [],
      twinId: '',
    });
    expect(all.items.map((m) => m.content)).not.toContain('first');
  });
});
