import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { IngestStatusResponse } from '@pagi/contracts';
import { createClient, loadProto, unary } from '@pagi/runtime';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { type Stack, startStack } from '@pagi/tests/helpers/stack.ts';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO, waitFor } from './harness.ts';

const FILES = 30;
let stack: Stack;
let dataDir: string;
let child: ChildProcess | null = null;

async function launch(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [path.join(import.meta.dirname, 'fixtures/knowledge-runner.ts')], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      PAGI_ROOT: REPO,
      PAGI_ENV_FILE: '/nonexistent',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      MEMORY_GRPC_ADDR: stack.addresses.MEMORY_GRPC_ADDR,
      SERVICE_TOKEN: TEST_SERVICE_TOKEN,
      KNOWLEDGE_BASES_DIR: path.join(dataDir, 'starter'),
      LLM_PROVIDER: 'mock',
      INGEST_CONCURRENCY: '2',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child = proc;
  const lines = createInterface({ input: proc.stdout! });
  for await (const line of lines) {
    if (line.includes('"ready"')) return { proc, url: `http://127.0.0.1:${JSON.parse(line).port}` };
  }
  throw new Error('knowledge runner exited before it was ready');
}

const status = async (url: string) =>
  (await (await fetch(`${url}/api/knowledge/ingest/status`)).json()) as IngestStatusResponse;

beforeAll(async () => {
  stack = await startStack({ services: ['memory'] });
  dataDir = mkdtempSync(path.join(tmpdir(), 'knowledge-crash-'));
  mkdirSync(path.join(dataDir, 'starter'), { recursive: true });
  mkdirSync(path.join(dataDir, 'ingest'), { recursive: true });
  for (let f = 0; f < FILES; f++) {
    const lines = Array.from(
      { length: 1500 },
      (_, i) =>
        `2025-06-01T08:${String(i % 60).padStart(2, '0')}:00Z INFO svc-${f} request=${i} latency_ms=${(i * 7) % 400} status=200`,
    );
    writeFileSync(path.join(dataDir, 'ingest', `service-${String(f).padStart(2, '0')}.log`), lines.join('\n'));
  }
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('finishes in-flight files after kill -9, and every file is processed exactly once', async () => {
  const first = await launch();
  // Kill while some files are stored and others are mid-embedding.
  await waitFor(
    async () => {
      const s = await status(first.url);
      return s.status.files_processed >= 3 && s.files.some((f) => f.stage === 'storing');
    },
    30_000,
    'ingestion to be under way',
  );
  first.proc.kill('SIGKILL');
  await once(first.proc, 'exit');

  const db = new Database(path.join(dataDir, 'state', 'knowledge.db'), { readonly: true });
  const storedBefore = db.prepare("SELECT id, stored_at FROM files WHERE stage = 'stored'").all() as {
    id: string;
    stored_at: string;
  }[];
  const inFlight = db
    .prepare("SELECT id FROM files WHERE stage IN ('reading','classifying','chunking','storing')")
    .all();
  db.close();
  expect(storedBefore.length).toBeGreaterThan(0);
  expect(inFlight.length).toBeGreaterThan(0);
  expect(storedBefore.length).toBeLessThan(FILES);

  const second = await launch();
  const done = await waitFor(
    async () => {
      const s = await status(second.url);
      return !s.status.is_active && s.status.files_processed === FILES ? s : undefined;
    },
    60_000,
    'all files to be stored after the restart',
  );
  expect(done.files.filter((f) => f.stage !== 'stored').map((f) => `${f.name}:${f.stage}:${f.error}`)).toEqual([]);
  expect(done.status.files_failed).toBe(0);

  // The vector store holds exactly each file's chunks: no duplicates from the interrupted attempt.
  const memory = createClient(
    loadProto('memory').memory.MemoryService,
    stack.addresses.MEMORY_GRPC_ADDR!,
    TEST_SERVICE_TOKEN,
  );
  const all = [];
  let token = '';
  do {
    const page = await unary(
      memory,
      'ListMemories',
      { namespace: 'knowledge', limit: 1000, page_token: token },
      { deadlineMs: 10_000 },
    );
    all.push(...page.memories);
    token = page.next_page_token;
  } while (token);
  memory.close();
  for (const f of done.files) {
    const mine = all.filter((m) => m.source?.file === `ingest:${f.name}`);
    expect(mine.length).toBe(f.chunks_total);
    expect(new Set(mine.map((m) => m.source?.chunk_index)).size).toBe(f.chunks_total);
  }
  expect(all.length).toBe(done.files.reduce((s, f) => s + f.chunks_total, 0));

  // Each file reached "stored" exactly once; files stored before the crash were not touched again.
  const after = new Database(path.join(dataDir, 'state', 'knowledge.db'), { readonly: true });
  const storedCounts = after
    .prepare("SELECT file_id, COUNT(*) AS n FROM stages WHERE stage = 'stored' GROUP BY file_id")
    .all() as { file_id: string; n: number }[];
  expect(storedCounts).toHaveLength(FILES);
  for (const c of storedCounts) expect(c.n).toBe(1);
  for (const s of storedBefore) {
    expect(
      (after.prepare('SELECT stored_at FROM files WHERE id = ?').get(s.id) as { stored_at: string }).stored_at,
    ).toBe(s.stored_at);
  }
  const recovered = after
    .prepare("SELECT COUNT(DISTINCT file_id) AS n FROM stages WHERE detail LIKE 'recovered after restart%'")
    .get() as { n: number };
  expect(recovered.n).toBe(inFlight.length);
  after.close();

  second.proc.kill('SIGTERM');
  await once(second.proc, 'exit');
}, 120_000);
