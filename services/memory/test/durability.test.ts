import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type MemoryProcess, startMemory, tempDataDir, unary } from './helpers/memory-process.ts';

// Small collections switch to HNSW early, so that persisting and rebuilding the graph is exercised with little data.
const ENV = { MEMORY_EXACT_MAX_VECTORS: '20' };
const TOPICS = ['volcano', 'glacier', 'harbor', 'orchard', 'canyon', 'meadow', 'tundra', 'lagoon', 'prairie', 'delta'];

const docs = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return {
      content: `note ${k} about the ${TOPICS[k % TOPICS.length]} survey code Z${k}Q`,
      namespace: 'geo',
      key: `n${k}`,
    };
  });

async function topContent(svc: MemoryProcess, q: string): Promise<string | undefined> {
  const res = await unary(svc.client, 'QueryMemory', { query: q, namespace: 'geo', top_k: 3 });
  return res.results[0]?.content;
}

async function allMemories(svc: MemoryProcess, namespace: string) {
  const out: Array<{ id: string; metadata: Record<string, string> }> = [];
  let token = '';
  do {
    const page = await unary(svc.client, 'ListMemories', { namespace, limit: 1000, page_token: token });
    out.push(...page.memories);
    token = page.next_page_token;
  } while (token);
  return out;
}

const logHas = (svc: MemoryProcess, text: string) => svc.log.some((l) => l.includes(text));

describe('embedded store durability', () => {
  it('keeps data across restarts and rebuilds a missing, corrupt or stale HNSW index from SQLite', async () => {
    const dataDir = tempDataDir();
    const graph = path.join(dataDir, 'vectors', 'geo.general.hnsw');
    let svc = await startMemory({ dataDir, env: ENV });
    await unary(svc.client, 'CommitMemories', { memories: docs(0, 120) });
    expect(await topContent(svc, 'Z77Q')).toBe('note 77 about the lagoon survey code Z77Q');
    expect(await svc.stop()).toBe(0);
    expect(readdirSync(path.join(dataDir, 'vectors')).sort()).toEqual(['geo.general.hnsw', 'geo.general.json']);

    // Clean restart: the persisted graph is reused as is.
    svc = await startMemory({ dataDir, env: ENV });
    expect(logHas(svc, 'persisted index caught up (0 added, 0 removed)')).toBe(true);
    expect(await topContent(svc, 'Z77Q')).toBe('note 77 about the lagoon survey code Z77Q');
    const before = await unary(svc.client, 'QueryMemory', { query: 'glacier survey', namespace: 'geo', top_k: 10 });

    // Writes after the last persist, then a crash: the graph on disk is stale and is caught up from SQLite.
    await unary(svc.client, 'CommitMemories', { memories: docs(120, 10) });
    await unary(svc.client, 'DeleteMemory', { memory_id: await commitIdOf(svc, 'n5') });
    await svc.stop('SIGKILL');
    svc = await startMemory({ dataDir, env: ENV });
    expect(logHas(svc, 'persisted index caught up (10 added, 1 removed)')).toBe(true);
    expect(await topContent(svc, 'Z125Q')).toBe('note 125 about the meadow survey code Z125Q');
    expect((await unary(svc.client, 'ListMemories', { namespace: 'geo' })).total).toBe(129);
    expect(await svc.stop()).toBe(0);

    // Missing graph: rebuilt from SQLite with the same answers.
    rmSync(graph);
    svc = await startMemory({ dataDir, env: ENV });
    expect(logHas(svc, 'rebuilding vector index from SQLite') && logHas(svc, 'index file missing')).toBe(true);
    const rebuilt = await unary(svc.client, 'QueryMemory', { query: 'glacier survey', namespace: 'geo', top_k: 10 });
    expect(rebuilt.results.filter((r) => r.content.includes('glacier')).length).toBe(
      before.results.filter((r) => r.content.includes('glacier')).length,
    );
    expect(await svc.stop()).toBe(0);

    // Corrupt graph (bytes flipped in the middle): detected by checksum, never handed to hnswlib, rebuilt.
    const bytes = readFileSync(graph);
    for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i]! ^= 0xff;
    writeFileSync(graph, bytes);
    svc = await startMemory({ dataDir, env: ENV });
    expect(logHas(svc, 'checksum mismatch')).toBe(true);
    expect(await topContent(svc, 'Z77Q')).toBe('note 77 about the lagoon survey code Z77Q');
    expect(await svc.stop()).toBe(0);

    // Truncated graph: also rebuilt; and the rebuilt graph is reused on the next start.
    writeFileSync(graph, readFileSync(graph).subarray(0, 1000));
    svc = await startMemory({ dataDir, env: ENV });
    expect(logHas(svc, 'truncated')).toBe(true);
    expect(await svc.stop()).toBe(0);
    svc = await startMemory({ dataDir, env: ENV });
    expect(logHas(svc, 'persisted index caught up (0 added, 0 removed)')).toBe(true);
    expect(await topContent(svc, 'Z99Q')).toBe('note 99 about the delta survey code Z99Q');
    expect(await svc.stop()).toBe(0);
  });

  it('loses no acknowledged batch and shows no half batch after kill -9 during commits', async () => {
    const dataDir = tempDataDir();
    let svc = await startMemory({ dataDir, env: ENV });
    const BATCH = 200;
    const acked = new Set<number>();
    const sent: number[] = [];
    let stop = false;
    const writer = async (lane: number) => {
      for (let b = lane; !stop; b += 3) {
        sent.push(b);
        const memories = Array.from({ length: BATCH }, (_, i) => ({
          content: `batch ${b} item ${i} ${'payload '.repeat(40)}`,
          namespace: 'crash',
          key: `b${b}-${i}`,
          metadata: { batch: String(b) },
        }));
        try {
          await unary(svc.client, 'CommitMemories', { memories }, { deadlineMs: 20_000 });
          acked.add(b);
        } catch {
          return;
        }
      }
    };
    const writers = [0, 1, 2].map(writer);
    while (acked.size < 6) await sleep(20);
    // Kill while three batches are in flight.
    await sleep(Math.random() * 40);
    svc.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await svc.stop();

    svc = await startMemory({ dataDir, env: ENV });
    const perBatch = new Map<string, number>();
    for (const m of await allMemories(svc, 'crash')) {
      perBatch.set(m.metadata.batch!, (perBatch.get(m.metadata.batch!) ?? 0) + 1);
    }
    for (const b of acked) expect(perBatch.get(String(b)), `acknowledged batch ${b}`).toBe(BATCH);
    for (const [b, n] of perBatch) expect(n, `batch ${b} is whole`).toBe(BATCH);
    expect(sent.length).toBeGreaterThan(acked.size);
    // The recovered store still answers and the dense index agrees with SQLite.
    const res = await unary(svc.client, 'QueryMemory', { query: 'batch 0 item 7', namespace: 'crash', top_k: 1 });
    expect(res.results[0]?.content).toMatch(/^batch 0 item 7 /);
    expect(await svc.stop()).toBe(0);
  });
});

async function commitIdOf(svc: MemoryProcess, key: string): Promise<string> {
  // Re-committing a key returns its deterministic id (and rewrites the same content).
  const n = Number(key.slice(1));
  const doc = docs(n, 1)[0]!;
  return (await unary(svc.client, 'CommitMemory', doc)).memory_id;
}
