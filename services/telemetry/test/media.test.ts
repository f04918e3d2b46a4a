import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { MediaItem, MediaUploadResponse } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseByteRange } from '../src/media/byte-range.ts';
import { startTelemetry } from './helpers.ts';

let t: Awaited<ReturnType<typeof startTelemetry>>;
const MAX = 100_000;

beforeAll(async () => {
  t = await startTelemetry({ maxBytes: MAX });
});
afterAll(async () => t?.close());

const upload = (bytes: Uint8Array | string, type: string, name = 'clip.webm', field = 'file') => {
  const fd = new FormData();
  fd.append(field, new Blob([bytes], { type }), name);
  return fetch(`${t.url}/v1/media/upload`, { method: 'POST', body: fd });
};

const bytes = new Uint8Array(10_000).map((_, i) => (i * 7) % 256);

describe('POST /v1/media/upload', () => {
  it.each(['../../etc/passwd', '/etc/passwd', '..\\..\\windows\\system32', 'a/../../../b.webm', '\u0000evil\n.webm'])(
    'stores %j under a generated name inside the media folder',
    async (name) => {
      const res = await upload(bytes, 'video/webm', name);
      expect(res.status).toBe(200);
      const body = MediaUploadResponse.parse(await res.json());
      expect(body.success).toBe(true);
      expect(body.filename).toMatch(/^[0-9a-f-]{36}\.webm$/);
      expect(JSON.stringify(body)).not.toContain(t.media.dir);
      expect(readFileSync(path.join(t.media.dir, body.filename))).toEqual(Buffer.from(bytes));
      const item = t.media.get(body.id, 'local')!;
      expect(item.original_name.includes('\u0000') || item.original_name.includes('\n')).toBe(false);
      expect(existsSync('/etc/passwd.webm')).toBe(false);
    },
  );

  it('refuses types outside audio/video/image, and SVG', async () => {
    for (const type of ['text/html', 'application/x-sh', 'image/svg+xml', 'application/octet-stream']) {
      const res = await upload('<svg onload=alert(1)>', type, 'x');
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
    for (const type of ['audio/ogg', 'image/png', 'video/mp4']) expect((await upload(bytes, type)).status).toBe(200);
  });

  it('refuses oversize uploads while streaming and leaves no partial file', async () => {
    const before = readdirSync(t.dir).length;
    const res = await upload(new Uint8Array(MAX + 1), 'video/webm');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(readdirSync(t.dir).length).toBe(before);
    expect(readdirSync(t.dir).some((f) => f.endsWith('.part'))).toBe(false);
    expect((await upload(new Uint8Array(MAX), 'video/webm')).status).toBe(200);
  });

  it('refuses empty files, wrong field names and non-multipart bodies', async () => {
    const empty = await upload('', 'audio/webm');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('empty_file');
    expect((await upload(bytes, 'audio/webm', 'a.weba', 'other')).status).toBe(400);
    const json = await fetch(`${t.url}/v1/media/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(readdirSync(t.dir).some((f) => f.endsWith('.part'))).toBe(false);
  });
});

describe('GET /v1/media and /v1/media/:id', () => {
  let id: string;
  beforeAll(async () => {
    id = MediaUploadResponse.parse(await (await upload(bytes, 'audio/ogg', 'voice note.ogg')).json()).id;
  });

  it('lists recordings newest first with their metadata', async () => {
    const { items } = (await (await fetch(`${t.url}/v1/media`)).json()) as { items: unknown[] };
    const parsed = items.map((i) => MediaItem.parse(i));
    expect(parsed[0]).toMatchObject({ id, original_name: 'voice note.ogg', content_type: 'audio/ogg', size: 10_000 });
    const times = parsed.map((i) => i.created_at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('serves the whole file and byte ranges for seeking', async () => {
    const whole = await fetch(`${t.url}/v1/media/${id}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/ogg');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);

    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=9990-', 9990, 9999],
      ['bytes=-10', 9990, 9999],
      ['bytes=9000-20000', 9000, 9999],
    ];
    for (const [range, start, end] of cases) {
      const res = await fetch(`${t.url}/v1/media/${id}`, { headers: { range } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/10000`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
    }
    const beyond = await fetch(`${t.url}/v1/media/${id}`, { headers: { range: 'bytes=10000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */10000');
    expect(((await beyond.json()) as { error: { code: string } }).error.code).toBe('range_not_satisfiable');
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const bad of ['00000000-0000-0000-0000-000000000000', '..%2F..%2Fetc%2Fpasswd', 'x.json']) {
      const res = await fetch(`${t.url}/v1/media/${bad}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('lists the same recordings after a restart', async () => {
    const before = t.media.list('local');
    const again = await startTelemetry({ dir: t.dir, maxBytes: MAX });
    try {
      const { items } = (await (await fetch(`${again.url}/v1/media`)).json()) as { items: { id: string }[] };
      expect(items.map((i) => i.id)).toEqual(before.map((i) => i.id));
    } finally {
      await again.stop();
    }
  });
});

describe('parseByteRange', () => {
  it('reads single ranges and ignores what it does not serve', () => {
    expect(parseByteRange(undefined, 10)).toEqual({ kind: 'full' });
    expect(parseByteRange('bytes=2-4', 10)).toEqual({ kind: 'partial', start: 2, end: 4 });
    expect(parseByteRange('bytes=0-1,4-5', 10)).toEqual({ kind: 'full' });
    expect(parseByteRange('items=1-2', 10)).toEqual({ kind: 'full' });
    expect(parseByteRange('bytes=5-2', 10)).toEqual({ kind: 'full' });
    expect(parseByteRange('bytes=-0', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-50', 10)).toEqual({ kind: 'partial', start: 0, end: 9 });
  });
});

describe('malformed and aborted uploads', () => {
  const post = (contentType: string, body: string) =>
    fetch(`${t.url}/v1/media/upload`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const part =
    '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.webm"\r\nContent-Type: video/webm\r\n\r\n';

  it.each([
    ['no boundary', 'multipart/form-data', 'abc'],
    ['a boundary that never appears', 'multipart/form-data; boundary=XYZ', 'no parts here'],
    ['a part cut short', 'multipart/form-data; boundary=XYZ', `${part}some bytes`],
  ])('answers %s with a 400 in the shared shape', async (_what, contentType, body) => {
    const res = await post(contentType, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: expect.stringMatching(/^malformed multipart body: /) },
    });
  });

  it('treats a client that goes away mid-upload as no error of its own, and keeps nothing', async () => {
    const before = readdirSync(t.dir).length;
    await new Promise<void>((resolve) => {
      const socket = net.connect(t.port, '127.0.0.1', () => {
        socket.write(
          `POST /v1/media/upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n` +
            `Content-Length: 100000\r\n\r\n${part}first bytes`,
        );
        // Gone before the rest, once the service has started on the part.
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
    });
    await expect
      .poll(() => t.logs().some((l) => l.msg === 'upload cut off by the client' && l.level === 30))
      .toBe(true);
    expect(t.logs().filter((l) => l.level >= 50)).toEqual([]);
    expect(readdirSync(t.dir).length).toBe(before);
  });
});
