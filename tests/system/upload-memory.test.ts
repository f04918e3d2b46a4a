// Rejected uploads must not make the gateway hold what it throws away: six concurrent 2 GiB uploads (declared
// ones refused before a byte is read, chunked ones cut off at the cap while streaming) leave its resident memory
// within 50 MB of where it started.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';

let stack: Stack;
const TWO_GIB = 2 * 1024 ** 3;

beforeAll(async () => {
  stack = await startStack({ services: ['telemetry', 'gateway'], env: { LOG_LEVEL: 'warn' } });
}, 60_000);
afterAll(async () => stack?.close());

const rssMb = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${stack.pid('gateway')}/status`, 'utf8'))?.[1]) / 1024;

/** Sends a 2 GiB multipart body as fast as the gateway takes it; resolves with how it ended. */
function hugeUpload(declared: boolean): Promise<{ status?: number; error?: string; sentMb: number }> {
  const url = new URL(stack.url('gateway'));
  return new Promise((resolve) => {
    const head = 'Content-Disposition: form-data; name="file"; filename="a.webm"\r\nContent-Type: video/webm\r\n\r\n';
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: '/api/media/upload',
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=b',
        ...(declared ? { 'content-length': String(TWO_GIB) } : {}),
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
    const chunk = Buffer.alloc(1 << 20, 7);
    const pump = () => {
      while (sent < TWO_GIB && !done) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

describe('gateway memory under rejected uploads', () => {
  it('stays within 50 MB of where it started after six concurrent 2 GiB uploads, twice over', async () => {
    const before = rssMb();
    for (const declared of [false, true, false]) {
      const results = await Promise.all(Array.from({ length: 6 }, () => hugeUpload(declared)));
      for (const r of results) {
        // Refused: a 413, or the connection closed under a client still sending. Never the whole body.
        expect(r.status === 413 || r.error !== undefined).toBe(true);
        expect(r.sentMb).toBeLessThan(1024);
      }
    }
    // Let the last buffers be collected and returned.
    await new Promise((r) => setTimeout(r, 2000));
    expect(rssMb() - before).toBeLessThan(50);
    expect(stack.logs('gateway')).not.toMatch(/"level":50/);
  }, 120_000);
});
