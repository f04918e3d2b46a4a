// make backup / make restore: a backup taken while the services run restores into a fresh data folder with the
// same memories and conversation history.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, loadProto, unary } from '@pagi/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { backup } from '../../scripts/ops/backup.ts';
import { restore } from '../../scripts/ops/restore.ts';
import { TEST_SERVICE_TOKEN } from '../helpers/service-token.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const stacks: Stack[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const s of stacks) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const tmp = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

async function boot(dataDir: string) {
  const stack = await startStack({ services: ['memory', 'orchestrator'], dataDir, env: { LOG_LEVEL: 'warn' } });
  stacks.push(stack);
  const { memory } = loadProto('memory');
  const client = createClient(memory.MemoryService, stack.addresses.MEMORY_GRPC_ADDR!, TEST_SERVICE_TOKEN);
  return { stack, client };
}

describe('backup and restore', () => {
  it('restores memories and history into a fresh data folder', async () => {
    const live = tmp('pagi-live-');
    const { stack, client } = await boot(live);
    const facts = [
      'The staging database password rotates every 30 days (ticket SEC-4411).',
      'Alice prefers meeting summaries as three bullet points.',
      'Error E1729 means the ingest queue is full; raise INGEST_QUEUE_SIZE.',
    ];
    await unary(client, 'CommitMemories', {
      memories: facts.map((content, i) => ({ content, namespace: 'backup_test', key: `fact-${i}` })),
    });
    const chat = await fetch(`${stack.url('orchestrator')}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'remember this conversation', twin_id: 'twin-b', session_id: 'backup-s1' }),
    });
    expect(chat.status).toBe(200);
    writeFileSync(path.join(live, 'media-note.txt'), 'kept as is');

    // Taken while both services keep running.
    const out = path.join(tmp('pagi-backup-'), 'snapshot');
    const manifest = await backup(live, out);
    expect(manifest.files.filter((f) => f.sqlite).length).toBeGreaterThanOrEqual(2);
    client.close();

    const fresh = path.join(tmp('pagi-restored-'), 'data');
    const result = await restore(out, fresh);
    expect(result.files).toBe(manifest.files.length);
    expect(result.movedAside).toBeNull();

    const restored = await boot(fresh);
    const found = await unary(restored.client, 'QueryMemory', { query: 'E1729', namespace: 'backup_test', top_k: 3 });
    expect(found.results[0]?.content).toBe(facts[2]);
    const listed = await unary(restored.client, 'ListMemories', { namespace: 'backup_test', limit: 10 });
    expect(listed.memories.map((m) => m.content).sort()).toEqual([...facts].sort());
    const turns = await (await fetch(`${restored.stack.url('orchestrator')}/v1/sessions/backup-s1/turns`)).json();
    expect(JSON.stringify(turns)).toContain('remember this conversation');
    restored.client.close();
  });

  it('moves an existing data folder aside instead of overwriting it, and refuses a damaged backup', async () => {
    const src = tmp('pagi-src-');
    writeFileSync(path.join(src, 'note.txt'), 'v1');
    const out = path.join(tmp('pagi-bk-'), 'b');
    await backup(src, out);
    const target = tmp('pagi-target-');
    writeFileSync(path.join(target, 'existing.txt'), 'keep me');
    const r = await restore(out, target);
    expect(r.movedAside).toMatch(/before-restore/);
    writeFileSync(path.join(out, 'data', 'note.txt'), 'tampered');
    await expect(restore(out, tmp('pagi-t2-'))).rejects.toThrow(/damaged/);
    if (r.movedAside) dirs.push(r.movedAside);
  });
});
