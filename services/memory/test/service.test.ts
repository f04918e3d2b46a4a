import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MemoryProcess, startMemory, unary } from './helpers/memory-process.ts';

/** gRPC status codes asserted here. */
const status = { INVALID_ARGUMENT: 3, NOT_FOUND: 5 } as const;

let svc: MemoryProcess;

const commit = (req: Record<string, unknown>) => unary(svc.client, 'CommitMemory', req);
const query = (req: Record<string, unknown>) => unary(svc.client, 'QueryMemory', { top_k: 5, ...req });

async function codeOf(p: Promise<unknown>): Promise<{ code: number; details: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code: number; details: string };
  }
  throw new Error('expected the call to fail');
}

const DOCS = [
  { key: 'net-1', domain: 'body', content: 'The gateway returned ERR_CONN_REFUSED_4012 after the upstream restarted.' },
  { key: 'net-2', domain: 'body', content: 'Latency spikes on the telemetry host were caused by swap pressure.' },
  { key: 'pref-1', domain: 'heart', content: 'Prefers concise answers and dark mode in every editor.' },
  { key: 'sec-1', domain: 'soul', content: 'Never share credentials; rotate the API key 7f3a9c21 every quarter.' },
  {
    key: 'api-1',
    domain: 'mind',
    content: 'The planner emits one typed action per turn: respond, query_memory or execute_tool.',
  },
  {
    key: 'api-2',
    domain: 'mind',
    content: 'Rust compiler error E0308 means mismatched types between expected and found.',
  },
];

beforeAll(async () => {
  svc = await startMemory();
  const res = await unary(svc.client, 'CommitMemories', {
    memories: DOCS.map((d, i) => ({
      ...d,
      namespace: 'kb',
      twin_id: i % 2 ? 'twin-b' : 'twin-a',
      memory_type: 'knowledge',
      source: { file: `docs/${d.domain}.md`, chunk_index: i, content_hash: `h${i}` },
      metadata: { origin: 'test' },
    })),
  });
  expect(res.committed).toBe(DOCS.length);
});

afterAll(async () => {
  expect(await svc.stop()).toBe(0);
});

describe('memory service over gRPC', () => {
  it('reports the lexical fallback loudly when no model can be loaded', async () => {
    const health = await unary(svc.client, 'HealthCheck', {});
    expect(health.store_backend).toBe('embedded');
    expect(health.embedder).toBe('lexical-fallback');
    expect(health.embedding_dim).toBe(384);
    expect(health.status).toBe('degraded');
    expect(health.detail).toMatch(/downloading is off: set EMBEDDING_DOWNLOAD=true/);
    expect(health.collections).toEqual(
      expect.arrayContaining([
        { name: 'kb.body', count: 2 },
        { name: 'kb.mind', count: 2 },
      ]),
    );
    expect(svc.log.some((l) => l.includes('EMBEDDER FALLBACK') && l.includes('"level":40'))).toBe(true);
  });

  it('finds exact error codes and ids through hybrid retrieval', async () => {
    for (const [q, key] of [
      ['ERR_CONN_REFUSED_4012', 'net-1'],
      ['what does E0308 mean', 'api-2'],
      ['7f3a9c21', 'sec-1'],
    ] as const) {
      const res = await query({ query: q, namespace: 'kb' });
      expect(res.results[0]?.content).toBe(DOCS.find((d) => d.key === key)!.content);
      expect(res.results[0]!.score).toBeGreaterThan(0);
      expect(res.results[0]!.score).toBeLessThanOrEqual(1);
      expect(res.results[0]!.lexical_score).toBe(1);
      expect(res.embedder).toBe('lexical-fallback');
      expect(res.timings!.search_ms).toBeGreaterThanOrEqual(0);
    }
    const top = (await query({ query: 'ERR_CONN_REFUSED_4012', namespace: 'kb' })).results[0]!;
    expect(top).toMatchObject({
      domain: 'body',
      namespace: 'kb',
      twin_id: 'twin-a',
      memory_type: 'knowledge',
      metadata: { origin: 'test' },
      source: { file: 'docs/body.md', chunk_index: 0, content_hash: 'h0' },
    });
  });

  it('filters by domain and twin', async () => {
    const mind = await query({ query: 'error types', namespace: 'kb', domains: ['mind'], top_k: 10 });
    expect(mind.results.length).toBe(2);
    expect(mind.results.every((r) => r.domain === 'mind')).toBe(true);
    const twin = await query({ query: 'error', namespace: 'kb', twin_id: 'twin-b', top_k: 10 });
    expect(twin.results.length).toBe(3);
    expect(twin.results.every((r) => r.twin_id === 'twin-b')).toBe(true);
    const other = await query({ query: 'error', namespace: 'elsewhere' });
    expect(other.results).toEqual([]);
  });

  it('replaces a memory committed again with the same key', async () => {
    const first = await commit({ content: 'The deploy window is Tuesday.', namespace: 'notes', key: 'deploy' });
    const second = await commit({ content: 'The deploy window moved to Thursday.', namespace: 'notes', key: 'deploy' });
    expect(second.memory_id).toBe(first.memory_id);
    const other = await commit({ content: 'The deploy window is Tuesday.', namespace: 'notes2', key: 'deploy' });
    expect(other.memory_id).not.toBe(first.memory_id);
    const list = await unary(svc.client, 'ListMemories', { namespace: 'notes' });
    expect(list.total).toBe(1);
    expect(list.memories[0]!.content).toBe('The deploy window moved to Thursday.');
    const res = await query({ query: 'Tuesday', namespace: 'notes' });
    expect(res.results.map((r) => r.content)).toEqual(['The deploy window moved to Thursday.']);
    expect(res.results[0]!.lexical_score).toBe(0);
  });

  it('deletes by id and by source file', async () => {
    const ids = await unary(svc.client, 'CommitMemories', {
      memories: [0, 1, 2].map((i) => ({
        content: `chunk ${i} of the runbook about zeppelin maintenance`,
        namespace: 'del',
        source: { file: 'runbook.md', chunk_index: i },
        key: `runbook#${i}`,
      })),
    });
    const single = await commit({ content: 'a lone zeppelin fact', namespace: 'del' });
    expect(await unary(svc.client, 'DeleteMemory', { memory_id: single.memory_id })).toMatchObject({ deleted: 1 });
    const again = await codeOf(unary(svc.client, 'DeleteMemory', { memory_id: single.memory_id }));
    expect(again.code).toBe(status.NOT_FOUND);
    const bySource = await unary(svc.client, 'DeleteMemory', { namespace: 'del', source_file: 'runbook.md' });
    expect(bySource).toMatchObject({ success: true, deleted: 3 });
    expect(ids.memory_ids).toHaveLength(3);
    expect((await query({ query: 'zeppelin', namespace: 'del' })).results).toEqual([]);
    expect((await unary(svc.client, 'ListMemories', { namespace: 'del' })).total).toBe(0);
  });

  it('pages through a namespace with vectors', async () => {
    await unary(svc.client, 'CommitMemories', {
      memories: Array.from({ length: 25 }, (_, i) => ({
        content: `page item ${i}`,
        namespace: 'paging',
        key: `p${i}`,
      })),
    });
    const seen: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const page = await unary(svc.client, 'ListMemories', {
        namespace: 'paging',
        limit: 10,
        page_token: token,
        include_vectors: true,
      });
      expect(page.total).toBe(25);
      for (const m of page.memories) {
        expect(m.vector).toHaveLength(384);
        const norm = Math.sqrt(m.vector.reduce((s, x) => s + x * x, 0));
        expect(norm).toBeCloseTo(1, 4);
        seen.push(m.content);
      }
      token = page.next_page_token;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
    const bare = await unary(svc.client, 'ListMemories', { namespace: 'paging', limit: 1 });
    expect(bare.memories[0]!.vector).toEqual([]);
    const bad = await codeOf(unary(svc.client, 'ListMemories', { namespace: 'paging', page_token: 'bm9wZQ' }));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
  });

  it('rejects bad input with INVALID_ARGUMENT and a message', async () => {
    const cases: Array<[string, Promise<unknown>, RegExp]> = [
      ['empty query', query({ query: '   ', namespace: 'kb' }), /query/],
      ['top_k 0', query({ query: 'x', namespace: 'kb', top_k: 0 }), /top_k/],
      ['top_k 101', query({ query: 'x', namespace: 'kb', top_k: 101 }), /top_k/],
      ['unknown domain', query({ query: 'x', namespace: 'kb', domains: ['spirit'] }), /domains/],
      ['unsafe namespace', query({ query: 'x', namespace: '../etc' }), /namespace/],
      ['commit domain', commit({ content: 'x', domain: 'spirit' }), /domain/],
      ['empty content', commit({ content: '' }), /content/],
      ['huge content', commit({ content: 'x'.repeat(65_537) }), /content.*65536 bytes/],
      ['unsafe commit ns', commit({ content: 'x', namespace: 'a b' }), /namespace/],
      ['empty batch', unary(svc.client, 'CommitMemories', { memories: [] }), /memories/],
      [
        'batch too large',
        unary(svc.client, 'CommitMemories', {
          memories: Array.from({ length: 513 }, (_, i) => ({ content: `m${i}` })),
        }),
        /at most 512/,
      ],
      ['delete without target', unary(svc.client, 'DeleteMemory', {}), /memory_id/],
    ];
    for (const [name, call, message] of cases) {
      const err = await codeOf(call);
      expect(err.code, name).toBe(status.INVALID_ARGUMENT);
      expect(err.details, name).toMatch(message);
    }
    // Nothing was half-written by the refused batch.
    expect((await unary(svc.client, 'ListMemories', { namespace: 'default' })).total).toBe(0);
  });

  it('exposes latency, batch size and collection metrics', async () => {
    const scrape = async () => (await fetch(`http://127.0.0.1:${svc.metricsPort}/metrics`)).text();
    // Collection counts are refreshed shortly after writes.
    const text = await vi.waitFor(
      async () => {
        const t = await scrape();
        expect(t).toMatch(/memory_collection_memories\{[^}]*collection="paging.general"[^}]*\} 25/);
        return t;
      },
      { timeout: 5000, interval: 200 },
    );
    expect(text).toMatch(/memory_query_seconds_count\{[^}]*phase="search"[^}]*\} [1-9]/);
    expect(text).toMatch(/memory_commit_seconds_count\{[^}]*kind="batch"/);
    expect(text).toMatch(/memory_embedder_batch_size_count\{[^}]*embedder="lexical-fallback"/);
    expect(text).toMatch(/memory_collection_memories\{[^}]*collection="kb.mind"[^}]*\} 2/);
    const health = await (await fetch(`http://127.0.0.1:${svc.metricsPort}/health`)).json();
    expect(health).toMatchObject({ store: 'embedded', embedder: 'lexical-fallback' });
  });
});
