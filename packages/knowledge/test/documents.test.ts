// Managing documents: deleting one removes its memories, its file and its ledger entry (and says so on the event
// stream, as does a file deleted from the folder); re-filing one moves its memories to the new domain's
// collection and keeps that choice; a file in a format that can never be read is not offered a retry.
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DocumentDeleteResponse,
  FileActionResponse,
  type FileProgress,
  type IngestEvent,
  type IngestStatusResponse,
} from '@pagi/contracts';
import { listen, unary } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../src/index.ts';
import { type Harness, startHarness, waitFor } from './harness.ts';

let h: Harness;
let app: FastifyInstance;
let knowledge: Knowledge;
const events: IngestEvent[] = [];

beforeAll(async () => {
  h = await startHarness();
  ({ app, knowledge } = await h.start());
  await listen(app, '127.0.0.1', 0);
  knowledge.subscribe((e) => events.push(e));
}, 60_000);
afterAll(async () => h?.close());

const status = async () =>
  (await app.inject({ method: 'GET', url: '/api/knowledge/ingest/status' })).json() as IngestStatusResponse;
const fileNamed = async (name: string) => (await status()).files.find((f) => f.name === name);
const storedFile = (name: string, check: (f: FileProgress) => boolean = () => true) =>
  waitFor(
    async () => {
      const f = await fileNamed(name);
      return f?.stage === 'stored' && check(f) ? f : undefined;
    },
    20_000,
    `${name} to be stored`,
  );
const memoriesOf = async (source: string) =>
  (
    await unary(
      h.memory,
      'ListMemories',
      { namespace: 'knowledge', limit: 1000, source_file: source },
      { deadlineMs: 5000 },
    )
  ).memories;
const search = async (query: string, domains: string[]) =>
  (await unary(h.memory, 'QueryMemory', { query, namespace: 'knowledge', top_k: 5, domains }, { deadlineMs: 5000 }))
    .results;

const AUDIT = `# Security Audit

Findings: session cookies lack HttpOnly; password reset tokens never expire; the CI deploy key has write access
everywhere. Enforce MFA for administrators, rotate the deploy key, and retest in 30 days.
`;

describe('deleting a document', () => {
  it('removes its memories, its file and its ledger entry, and announces the removal', async () => {
    writeFileSync(path.join(h.ingestDir, 'audit.md'), AUDIT);
    const f = await storedFile('audit.md');
    expect(await memoriesOf('ingest:audit.md')).not.toHaveLength(0);

    const res = await app.inject({ method: 'DELETE', url: `/api/knowledge/documents/${f.id}` });
    expect(res.statusCode).toBe(200);
    const body = DocumentDeleteResponse.parse(res.json());
    expect(body).toMatchObject({ success: true, id: f.id, name: 'audit.md', file_deleted: true });
    expect(body.chunks_deleted).toBe(f.chunks_total);
    expect(existsSync(path.join(h.ingestDir, 'audit.md'))).toBe(false);
    expect(await memoriesOf('ingest:audit.md')).toHaveLength(0);
    expect((await search('password reset tokens never expire', [])).map((r) => r.metadata.source_file)).not.toContain(
      'ingest:audit.md',
    );
    expect(await fileNamed('audit.md')).toBeUndefined();
    expect(events).toContainEqual({ type: 'removed', id: f.id, name: 'audit.md' });
    // The watcher sees the file go too; nothing comes back.
    await new Promise((r) => setTimeout(r, 500));
    expect(await fileNamed('audit.md')).toBeUndefined();

    const again = await app.inject({ method: 'DELETE', url: `/api/knowledge/documents/${f.id}` });
    expect(again.statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/knowledge/documents/not-an-id' })).statusCode).toBe(400);
  });

  it('announces a file deleted from the folder as removed', async () => {
    writeFileSync(path.join(h.ingestDir, 'gone.md'), '# Gone soon\n\nA note about the garden and the spring planting.');
    const f = await storedFile('gone.md');
    unlinkSync(path.join(h.ingestDir, 'gone.md'));
    await waitFor(() => events.find((e) => e.type === 'removed' && e.id === f.id), 20_000, 'the removed event');
    expect(await memoriesOf('ingest:gone.md')).toHaveLength(0);
  });

  it('keeps the shipped file of starter knowledge, removing only its knowledge', async () => {
    const file = path.join(h.starterDir, 'values.md');
    writeFileSync(file, '# Values\n\nHonesty, kindness and courage guide every decision I make.');
    await app.inject({ method: 'POST', url: '/api/knowledge/ingest', payload: { file_path: file } });
    const f = await storedFile('values.md');
    const body = DocumentDeleteResponse.parse(
      (await app.inject({ method: 'DELETE', url: `/api/knowledge/documents/${f.id}` })).json(),
    );
    expect(body.file_deleted).toBe(false);
    expect(existsSync(file)).toBe(true);
    expect(await memoriesOf('knowledge_bases:values.md')).toHaveLength(0);
    expect(await fileNamed('values.md')).toBeUndefined();
  });
});

describe('re-filing a document', () => {
  it('moves its memories to the chosen domain and keeps the choice for later versions', async () => {
    const file = path.join(h.ingestDir, 'audit-2.md');
    writeFileSync(file, AUDIT);
    const before = await storedFile('audit-2.md');
    expect(before.domain).toBe('soul');
    expect(before.manual_domain).toBe(false);
    const completions = events.length;

    const res = await app.inject({
      method: 'PATCH',
      url: `/api/knowledge/documents/${before.id}`,
      payload: { domain: 'body' },
    });
    expect(res.statusCode).toBe(200);
    expect(FileActionResponse.parse(res.json()).file.stage).toBe('queued');
    const after = await storedFile('audit-2.md', (f) => f.domain === 'body');
    expect(after).toMatchObject({ manual_domain: true, confidence: 1, low_confidence: false });
    const memories = await memoriesOf('ingest:audit-2.md');
    expect(memories.length).toBe(after.chunks_total);
    expect(memories.every((m) => m.domain === 'body' && m.metadata.classifier === 'manual')).toBe(true);
    const inBody = await search('password reset tokens never expire', ['body']);
    expect(inBody[0]?.metadata.source_file).toBe('ingest:audit-2.md');
    const inSoul = await search('password reset tokens never expire', ['soul']);
    expect(inSoul.map((r) => r.metadata.source_file)).not.toContain('ingest:audit-2.md');
    const done = events.slice(completions).find((e) => e.type === 'completed' && e.file.id === before.id);
    expect(done?.type === 'completed' && done.message).toBe('Security Audit re-filed as BODY');

    // A new version of the file stays where the person put it.
    writeFileSync(file, `${AUDIT}\nRetest scheduled for the first Monday of next month.\n`);
    await storedFile('audit-2.md', (f) => f.updated_at > after.updated_at);
    expect((await memoriesOf('ingest:audit-2.md')).every((m) => m.domain === 'body')).toBe(true);
  });

  it('refuses an unknown domain, an unknown document and one that is not stored', async () => {
    const f = (await fileNamed('audit-2.md'))!;
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/knowledge/documents/${f.id}`,
      payload: { domain: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await app.inject({
      method: 'PATCH',
      url: '/api/knowledge/documents/0123456789abcdef',
      payload: { domain: 'mind' },
    });
    expect(unknown.statusCode).toBe(404);
    writeFileSync(path.join(h.ingestDir, 'broken.md'), Buffer.from([0x23, 0x20, 0, 1, 2]));
    const broken = await waitFor(async () => {
      const x = await fileNamed('broken.md');
      return x?.stage === 'failed' ? x : undefined;
    });
    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/knowledge/documents/${broken.id}`,
      payload: { domain: 'mind' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/only a document in the knowledge base can be re-filed/);
  });
});

describe('files that can never be ingested', () => {
  it('marks an unsupported format as not retryable and refuses to retry it', async () => {
    writeFileSync(path.join(h.ingestDir, 'slides.pptx'), 'PK\u0003\u0004 not really a presentation');
    const f = await waitFor(async () => {
      const x = await fileNamed('slides.pptx');
      return x?.stage === 'failed' ? x : undefined;
    });
    expect(f.error).toMatch(/unsupported format "\.pptx"/);
    expect(f.retryable).toBe(false);
    const retry = await app.inject({ method: 'POST', url: `/api/knowledge/ingest/${f.id}/retry` });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.code).toBe('not_retryable');
    // A supported file that failed can be retried.
    expect((await fileNamed('broken.md'))?.retryable).toBe(true);
  });
});
