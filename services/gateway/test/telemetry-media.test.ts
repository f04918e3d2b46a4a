import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MediaUploadResponse, TelemetrySample } from '@pagi/contracts';
import { openSse } from '@pagi/tests/helpers/sse-client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, type RunningTelemetry, startGateway, startTelemetry } from './helpers/servers.ts';

let telemetry: RunningTelemetry;
let gateway: RunningGateway;
const MAX = 200_000;

beforeAll(async () => {
  telemetry = await startTelemetry({ intervalMs: 250, maxBytes: MAX });
  gateway = await startGateway({
    TELEMETRY_URL: telemetry.url,
    MEDIA_MAX_BYTES: String(MAX),
    CORS_ORIGIN: 'http://localhost:3000',
  });
});

afterAll(async () => {
  await gateway?.close();
  await telemetry?.close();
});

const gaugeValue = async (url: string, name: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : Number.NaN;
};

describe('GET /v1/telemetry/stream through the gateway', () => {
  it('fans one shared sampler out to 100 clients and releases upstream when they leave', async () => {
    const before = telemetry.sampler.snapshot();
    const started = Date.now();
    const clients = await Promise.all(Array.from({ length: 100 }, () => openSse(`${gateway.url}/v1/telemetry/stream`)));
    await Promise.all(clients.map((c) => c.waitFor(3, 10_000)));
    const elapsed = Date.now() - started;

    for (const c of clients) for (const e of c.events) TelemetrySample.parse(e);
    // Every client sees the same samples: the same reading, shared, not one per client.
    const stamps = (c: (typeof clients)[number]) => new Set(c.events.map((e) => (e as TelemetrySample).ts_ms));
    const common = [...stamps(clients[0]!)].filter((ts) => clients.every((c) => stamps(c).has(ts)));
    expect(common.length).toBeGreaterThanOrEqual(1);
    const after = telemetry.sampler.snapshot();
    const taken = after.samples_taken - before.samples_taken;
    // One sampler at 250 ms: about elapsed/250 readings, nowhere near 100 clients × 3 samples.
    expect(taken).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
    expect(after.loops_started - before.loops_started).toBe(1);
    expect(after.subscribers).toBe(100);
    expect(await gaugeValue(gateway.url, 'gateway_sse_clients')).toBe(100);

    for (const c of clients) c.close();
    const deadline = Date.now() + 5000;
    while (telemetry.sampler.snapshot().subscribers > 0 && Date.now() < deadline) await sleep(25);
    expect(telemetry.sampler.snapshot()).toMatchObject({ subscribers: 0, running: false });
    expect(await gaugeValue(gateway.url, 'gateway_sse_clients')).toBe(0);
  }, 30_000);

  it('sends CORS headers on the stream and a shared-shape 502 when telemetry is down', async () => {
    const res = await fetch(`${gateway.url}/v1/telemetry/stream`, { headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    await res.body?.cancel();
    const down = await startGateway({ TELEMETRY_URL: 'http://127.0.0.1:9' });
    try {
      const bad = await fetch(`${down.url}/v1/telemetry/stream`);
      expect(bad.status).toBe(502);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('upstream_unavailable');
    } finally {
      await down.close();
    }
  });
});

const form = (bytes: Uint8Array | string, type: string, name: string) => {
  const fd = new FormData();
  fd.append('file', new Blob([bytes], { type }), name);
  return fd;
};

describe('media through the gateway', () => {
  it('streams an upload to telemetry, lists it and serves byte ranges', async () => {
    const bytes = new Uint8Array(50_000).map((_, i) => i % 251);
    const res = await fetch(`${gateway.url}/api/media/upload`, {
      method: 'POST',
      body: form(bytes, 'video/webm', '../../etc/passwd'),
    });
    expect(res.status).toBe(200);
    const body = MediaUploadResponse.parse(await res.json());
    expect(body.success).toBe(true);
    expect(existsSync(path.join(telemetry.media.dir, body.filename))).toBe(true);
    expect(body.filename).toBe(`${body.id}.webm`);

    const list = (await (await fetch(`${gateway.url}/api/media`)).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(body.id);

    const part = await fetch(`${gateway.url}/api/media/${body.id}`, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/50000');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(100, 200));
    const whole = await fetch(`${gateway.url}/api/media/${body.id}`);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a declared oversize upload before forwarding it', async () => {
    const res = await fetch(`${gateway.url}/api/media/upload`, {
      method: 'POST',
      body: form(new Uint8Array(MAX + 100_000), 'audio/webm', 'big.weba'),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('cuts off a chunked upload at the cap while streaming, leaving nothing behind', async () => {
    const boundary = 'pagi-test-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.weba"\r\nContent-Type: audio/webm\r\n\r\n`;
    let sent = 0;
    const chunk = new Uint8Array(16_384);
    const before = telemetry.media.size;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(head));
      },
      pull(c) {
        // An endless body: only the gateway's cap can end this upload.
        if (sent > MAX * 500) return c.close();
        sent += chunk.length;
        c.enqueue(chunk);
      },
    });
    const res = await fetch(`${gateway.url}/api/media/upload`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit).catch((err: Error) => err);
    if (res instanceof Response) {
      expect(res.status).toBe(413);
    } else {
      // The gateway may close the connection while the client is still sending; it must not accept it all.
      expect(res).toBeInstanceOf(Error);
    }
    expect(sent).toBeLessThan(MAX * 100);
    await sleep(100);
    expect(telemetry.media.size).toBe(before);
  });

  it('passes telemetry refusals through: wrong type, empty file, missing file', async () => {
    const html = await fetch(`${gateway.url}/api/media/upload`, {
      method: 'POST',
      body: form('<script>alert(1)</script>', 'text/html', 'x.html'),
    });
    expect(html.status).toBe(415);
    expect(((await html.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    const empty = await fetch(`${gateway.url}/api/media/upload`, {
      method: 'POST',
      body: form('', 'audio/ogg', 'e.ogg'),
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('empty_file');
    const json = await fetch(`${gateway.url}/api/media/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });
});
