// Uploading documents through the API: the same format and size rules as a file dropped into the ingest folder,
// a plain file name only, streamed with the size bound applied while the bytes arrive, nothing left behind when
// refused, and the same ingestion (events, memories) afterwards.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { type IngestStatusResponse, KnowledgeUploadResponse } from '@pagi/contracts';
import { listen, unary } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../src/index.ts';
import { type Harness, startHarness, waitFor } from './harness.ts';

const MAX = 20_000;
/** An upload body that only the server's bound can end. */
const ENDLESS = 512 * 1024 * 1024;
let h: Harness;
let app: FastifyInstance;
let knowledge: Knowledge;
let base = '';

beforeAll(async () => {
  h = await startHarness();
  ({ app, knowledge } = await h.start({ INGEST_MAX_FILE_BYTES: String(MAX) }));
  base = `http://127.0.0.1:${await listen(app, '127.0.0.1', 0)}`;
}, 60_000);
afterAll(async () => h?.close());

const upload = (name: string, body: string | Uint8Array, type = 'text/markdown') => {
  const form = new FormData();
  form.append('file', new Blob([body], { type }), name);
  return fetch(`${base}/api/knowledge/upload`, { method: 'POST', body: form });
};
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const status = async () =>
  (await app.inject({ method: 'GET', url: '/api/knowledge/ingest/status' })).json() as IngestStatusResponse;
/** What is in the ingest folder, hidden partial uploads included. */
const folder = () => readdirSync(h.ingestDir).sort();

const SLEEP_NOTES = `# Sleep and recovery

Seven and a half hours of sleep on average this month; resting heart rate down to 52. Deep sleep improves on days
with a long zone-two run and no caffeine after noon.
`;

describe('uploading a document', () => {
  it('stores it in the ingest folder and ingests it into searchable knowledge', async () => {
    const res = await upload('sleep-notes.md', SLEEP_NOTES);
    expect(res.status).toBe(200);
    const body = KnowledgeUploadResponse.parse(await res.json());
    expect(body).toMatchObject({ success: true, replaced: false });
    expect(body.file).toMatchObject({ name: 'sleep-notes.md', source: 'ingest:sleep-notes.md' });
    expect(readFileSync(path.join(h.ingestDir, 'sleep-notes.md'), 'utf8')).toBe(SLEEP_NOTES);
    await knowledge.drained();
    const listed = await status();
    // Clients are told the rules, so they can check a file before sending it.
    expect(listed.limits).toEqual({ max_file_bytes: MAX, formats: expect.arrayContaining(['.md', '.txt', '.pdf']) });
    const f = listed.files.find((x) => x.id === body.file.id)!;
    expect(f.stage).toBe('stored');
    const hits = await unary(
      h.memory,
      'QueryMemory',
      { query: 'resting heart rate deep sleep caffeine', namespace: 'knowledge', top_k: 3 },
      { deadlineMs: 5000 },
    );
    expect(hits.results[0]?.metadata.source_file).toBe('ingest:sleep-notes.md');
  });

  it('replaces a document uploaded again under the same name, and its knowledge with it', async () => {
    const res = await upload('sleep-notes.md', `${SLEEP_NOTES}\nNew: a magnesium supplement before bed.\n`);
    expect(KnowledgeUploadResponse.parse(await res.json()).replaced).toBe(true);
    await waitFor(async () => (await status()).files.find((f) => f.name === 'sleep-notes.md' && f.stage === 'stored'));
    await knowledge.drained();
    const listed = await unary(
      h.memory,
      'ListMemories',
      { namespace: 'knowledge', limit: 100, source_file: 'ingest:sleep-notes.md' },
      { deadlineMs: 5000 },
    );
    expect(listed.memories).toHaveLength(1);
    expect(listed.memories[0]!.content).toContain('magnesium');
  });

  it('accepts a file of exactly INGEST_MAX_FILE_BYTES', async () => {
    const line = 'steps=9000 distance_km=7.1 resting_hr=54\n';
    const text = line.repeat(Math.ceil(MAX / line.length)).slice(0, MAX);
    const res = await upload('daily-metrics.log', text, 'text/plain');
    expect(res.status).toBe(200);
    expect(readFileSync(path.join(h.ingestDir, 'daily-metrics.log')).length).toBe(MAX);
  });
});

describe('refusals', () => {
  it('refuses a format that cannot be ingested with 415, storing nothing', async () => {
    const before = folder();
    const res = await upload('setup.exe', new Uint8Array([0x4d, 0x5a, 0, 1]), 'application/octet-stream');
    expect(res.status).toBe(415);
    const err = await codeOf(res);
    expect(err.code).toBe('unsupported_media_type');
    expect(err.message).toMatch(/unsupported format "\.exe" \(supported: \.txt \.md/);
    expect(folder()).toEqual(before);
  });

  it('refuses names with a path, hidden names, the folder README and control characters', async () => {
    const before = folder();
    for (const name of ['../escape.md', '../../etc/cron.d/job.md', 'sub/dir.md', 'C:\\Users\\me\\notes.md']) {
      const res = await upload(name, '# x\n\ntext');
      expect(res.status, name).toBe(403);
      expect((await codeOf(res)).code).toBe('path_not_allowed');
    }
    for (const name of [
      '.hidden.md',
      'notes.md~',
      'draft.md.part',
      'README.md',
      'bell\u0007.md',
      `${'n'.repeat(300)}.md`,
    ]) {
      const res = await upload(name, '# x\n\ntext');
      expect(res.status, name).toBe(400);
      expect((await codeOf(res)).message).toMatch(/^file name ".*" is refused: /);
    }
    expect(existsSync(path.join(h.dataDir, 'escape.md'))).toBe(false);
    expect(folder()).toEqual(before);
  });

  it('refuses an empty file, a missing file field and a body that is not multipart', async () => {
    const empty = await upload('empty.md', '');
    expect(empty.status).toBe(400);
    expect((await codeOf(empty)).code).toBe('empty_file');
    const form = new FormData();
    form.append('note', 'no file here');
    const none = await fetch(`${base}/api/knowledge/upload`, { method: 'POST', body: form });
    expect(none.status).toBe(400);
    const json = await fetch(`${base}/api/knowledge/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"file":"x"}',
    });
    expect(json.status).toBe(415);
    expect(folder().some((n) => n.startsWith('.upload-') || n === 'empty.md')).toBe(false);
  });

  it('refuses one byte over INGEST_MAX_FILE_BYTES, and a declared oversize body before reading it', async () => {
    const over = await upload('too-big.txt', 'x'.repeat(MAX + 1), 'text/plain');
    expect(over.status).toBe(413);
    expect((await codeOf(over)).message).toMatch(`limit of ${MAX} bytes`);
    // Announces far more than the bound and sends only a little of it: the answer does not wait for the rest.
    const declared = await new Promise<number | Error>((resolve) => {
      const req = http.request(`${base}/api/knowledge/upload`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(MAX * 100) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (err) => resolve(err));
      req.write(Buffer.alloc(10));
    });
    expect(declared).toBe(413);
    expect(folder().some((n) => n.startsWith('.upload-') || n === 'too-big.txt')).toBe(false);
  });

  it('stops an endless chunked upload at the bound while it streams, leaving nothing behind', async () => {
    const boundary = 'pagi-upload-test';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="endless.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    const chunk = Buffer.alloc(8192, 'a');
    let sent = 0;
    const requests: http.ClientRequest[] = [];
    const outcome = await new Promise<{ status: number; body: string } | Error>((resolve) => {
      const req = http.request(`${base}/api/knowledge/upload`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      });
      requests.push(req);
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', (err) => resolve(err));
      req.write(head);
      // Keeps sending until the server answers or stops reading: only the server's bound ends this body.
      const pump = () => {
        while (!answered && sent < ENDLESS) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
    });
    for (const r of requests) r.destroy();
    if (!(outcome instanceof Error)) {
      expect(outcome.status).toBe(413);
      expect(JSON.parse(outcome.body).error.code).toBe('payload_too_large');
    }
    // The answer came while the client was still sending, long before the body's end (socket buffers on loopback
    // take a few megabytes of what was written).
    expect(sent).toBeLessThan(ENDLESS / 8);
    await new Promise((r) => setTimeout(r, 100));
    expect(folder().some((n) => n.startsWith('.upload-') || n === 'endless.txt')).toBe(false);
  });
});
