// Documents uploaded through the gateway land in the orchestrator's ingest folder and become knowledge; refused
// uploads (a declared size over INGEST_MAX_FILE_BYTES, an endless chunked body, a wrong format) are answered
// without either process holding the body: resident memory of both stays within 50 MB after six concurrent
// 1 GiB uploads, and nothing is left in the folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { IngestStatusResponse, KnowledgeUploadResponse } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';

let stack: Stack;
const ONE_GIB = 1024 ** 3;
const MAX = 1_000_000;

beforeAll(async () => {
  stack = await startStack({
    services: ['memory', 'orchestrator', 'gateway'],
    env: { LOG_LEVEL: 'warn', INGEST_MAX_FILE_BYTES: String(MAX) },
  });
}, 90_000);
afterAll(async () => stack?.close());

const ingestDir = () => path.join(stack.dataDir, 'ingest');
const rssMb = (service: string) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${stack.pid(service)}/status`, 'utf8'))?.[1]) / 1024;
const upload = (name: string, body: string) => {
  const form = new FormData();
  form.append('file', new Blob([body], { type: 'text/plain' }), name);
  return fetch(`${stack.url('gateway')}/api/knowledge/upload`, { method: 'POST', body: form });
};

/** Sends a 1 GiB multipart document as fast as it is taken; resolves with how it ended. */
function hugeUpload(declared: boolean): Promise<{ status?: number; error?: string; sentMb: number }> {
  const url = new URL(stack.url('gateway'));
  return new Promise((resolve) => {
    const head = 'Content-Disposition: form-data; name="file"; filename="huge.log"\r\nContent-Type: text/plain\r\n\r\n';
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: '/api/knowledge/upload',
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=b',
        ...(declared ? { 'content-length': String(ONE_GIB) } : {}),
      },
    });
    let sent = 0;
    let done = false;
    const finish = (r: { status?: number; error?: string }) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ ...r, sentMb: sent / 2 ** 20 });
    };
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => finish({ status: res.statusCode }));
    });
    req.on('error', (e) => finish({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.write(`--b\r\n${head}`);
    const chunk = Buffer.alloc(1 << 20, 'x');
    const pump = () => {
      while (sent < ONE_GIB && !done) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

describe('documents uploaded through the gateway', () => {
  it('land in the ingest folder and are ingested', async () => {
    const res = await upload(
      'deploy-checklist.txt',
      'Deploy checklist: run the migrations, warm the caches, watch errors.',
    );
    expect(res.status).toBe(200);
    const body = KnowledgeUploadResponse.parse(await res.json());
    expect(existsSync(path.join(ingestDir(), 'deploy-checklist.txt'))).toBe(true);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const status = IngestStatusResponse.parse(
        await (await fetch(`${stack.url('gateway')}/api/knowledge/ingest/status`)).json(),
      );
      if (status.files.find((f) => f.id === body.file.id)?.stage === 'stored') break;
      if (Date.now() > deadline) throw new Error('the upload was not ingested');
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('passes the orchestrator refusals through with their codes', async () => {
    const exe = await upload('tool.exe', 'MZ');
    expect(exe.status).toBe(415);
    expect(((await exe.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    const traversal = await upload('../../outside.txt', 'x');
    expect(traversal.status).toBe(403);
    expect(((await traversal.json()) as { error: { code: string } }).error.code).toBe('path_not_allowed');
    const over = await upload('big.txt', 'y'.repeat(MAX + 1));
    expect(over.status).toBe(413);
  });

  it('holds no refused body: six concurrent 1 GiB uploads, declared and chunked, leave both processes lean', async () => {
    const before = { gateway: rssMb('gateway'), orchestrator: rssMb('orchestrator') };
    for (const declared of [false, true, false]) {
      const results = await Promise.all(Array.from({ length: 6 }, () => hugeUpload(declared)));
      for (const r of results) {
        // Refused: a 413, or the connection closed under a client still sending. Never the whole body.
        expect(r.status === 413 || r.error !== undefined).toBe(true);
        expect(r.sentMb).toBeLessThan(512);
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
    expect(rssMb('gateway') - before.gateway).toBeLessThan(50);
    expect(rssMb('orchestrator') - before.orchestrator).toBeLessThan(50);
    expect(readdirSync(ingestDir()).filter((n) => n.startsWith('.upload-') || n === 'huge.log')).toEqual([]);
    expect(stack.logs('gateway')).not.toMatch(/"level":50/);
    expect(stack.logs('orchestrator')).not.toMatch(/"level":50/);
  }, 120_000);
});
