import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type MemoryProcess, startMemory, tempDataDir, unary } from './helpers/memory-process.ts';

// Small collections switch to HNSW early, so that persisting and rebuilding the graph is exercised with little data;
// two vector index shards, each with its own graph file.
const ENV = { MEMORY_EXACT_MAX_VECTORS: '20', MEMORY_INDEX_THREADS: '2' };
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

/** What the start-up logs say was caught up from SQLite, summed over the index's shards. */
function caughtUp(svc: MemoryProcess, index: 'vector' | 'lexical') {
  const re = new RegExp(`${index} index ready: persisted index caught up \\((\\d+) added, (\\d+) removed\\)`);
  const found = svc.log.flatMap((l) => {
    const m = re.exec(l);
    return m ? [[Number(m[1]), Number(m[2])]] : [];
  });
  return {
    shards: found.length,
    added: found.reduce((s, [a]) => s + a!, 0),
    removed: found.reduce((s, [, r]) => s + r!, 0),
  };
}

describe('embedded store durability', () => {
  // Seven starts of the service, each loading its indexes: more than the default test time on a busy machine.
  it('keeps data across restarts and rebuilds a missing, corrupt or stale index from SQLite', async () => {
    const dataDir = tempDataDir();
    const graph = path.join(dataDir, 'vectors', 'geo.general.shard0of2.hnsw');
    const lexical = path.join(dataDir, 'vectors', '_lexical.bm25');
    let svc = await startMemory({ dataDir, env: ENV });
    await unary(svc.client, 'CommitMemories', { memories: docs(0, 120) });
    expect(await topContent(svc, 'Z77Q')).toBe('note 77 about the lagoon survey code Z77Q');
    expect(await svc.stop()).toBe(0);
    expect(readdirSync(path.join(dataDir, 'vectors')).sort()).toEqual([
      '_lexical.bm25',
      '_lexical.json',
      'geo.general.shard0of2.hnsw',
      'geo.general.shard0of2.json',
      'geo.general.shard1of2.hnsw',
      'geo.general.shard1of2.json',
    ]);

    // Clean restart: the persisted graph is reused as is.
    svc = await startMemory({ dataDir, env: ENV });
    expect(caughtUp(svc, 'vector')).toEqual({ shards: 2, added: 0, removed: 0 });
    expect(caughtUp(svc, 'lexical')).toEqual({ shards: 1, added: 0, removed: 0 });
    expect(await topContent(svc, 'Z77Q')).toBe('note 77 about the lagoon survey code Z77Q');
    const before = await unary(svc.client, 'QueryMemory', { query: 'glacier survey', namespace: 'geo', top_k: 10 });

    // Writes after the last persist, then a crash: the graph on disk is stale and is caught up from SQLite.
    await unary(svc.client, 'CommitMemories', { memories: docs(120, 10) });
    await unary(svc.client, 'DeleteMemory', { memory_id: await commitIdOf(svc, 'n5') });
    await svc.stop('SIGKILL');
    svc = await startMemory({ dataDir, env: ENV });
    expect(caughtUp(svc, 'vector')).toEqual({ shards: 2, added: 10, removed: 1 });
    expect(caughtUp(svc, 'lexical')).toEqual({ shards: 1, added: 10, removed: 1 });
    expect(await topContent(svc, 'Z125Q')).toBe('note 125 about the meadow survey code Z125Q');
    expect(await topContent(svc, 'Z5Q')).not.toContain('Z5Q'); // deleted before the crash
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

    // Corrupt graph and lexical index (bytes flipped in the middle): detected by checksum, never parsed, rebuilt.
    for (const file of [graph, lexical]) {
      const bytes = readFileSync(file);
      for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i]! ^= 0xff;
      writeFileSync(file, bytes);
    }
    svc = await startMemory({ dataDir, env: ENV });
    expect(logHas(svc, 'checksum mismatch')).toBe(true);
    expect(logHas(svc, 'rebuilding lexical index from SQLite')).toBe(true);
    expect(await topContent(svc, 'Z77Q')).toBe('note 77 about the lagoon survey code Z77Q');
    expect(await svc.stop()).toBe(0);

    // Truncated graph: also rebuilt; and the rebuilt graph is reused on the next start.
    writeFileSync(graph, readFileSync(graph).subarray(0, 1000));
    svc = await startMemory({ dataDir, env: ENV });
    expect(logHas(svc, 'truncated')).toBe(true);
    expect(await svc.stop()).toBe(0);
    svc = await startMemory({ dataDir, env: ENV });
    expect(caughtUp(svc, 'vector')).toEqual({ shards: 2, added: 0, removed: 0 });
    expect(await topContent(svc, 'Z99Q')).toBe('note 99 about the delta survey code Z99Q');
    expect(await svc.stop()).toBe(0);
  }, 120_000);

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
