import { setTimeout as sleep } from 'node:timers/promises';
import { TelemetrySample } from '@pagi/contracts';
import { openSse } from '@pagi/tests/helpers/sse-client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelemetry } from './helpers.ts';

let t: Awaited<ReturnType<typeof startTelemetry>>;

beforeAll(async () => {
  t = await startTelemetry({ intervalMs: 200 });
});
afterAll(async () => t?.close());

describe('GET /v1/telemetry/stream', () => {
  it('streams complete host samples at the configured interval', async () => {
    const c = await openSse(`${t.url}/v1/telemetry/stream`);
    await c.waitFor(4);
    c.close();
    const samples = c.events.map((e) => TelemetrySample.parse(e));
    for (const s of samples) {
      expect(s.mem_total).toBeGreaterThan(0);
      expect(s.mem_used).toBeGreaterThan(0);
      expect(s.mem_used).toBeLessThanOrEqual(s.mem_total);
      expect(s.process_count).toBeGreaterThan(1);
      expect(s.cpu_percent).toBeGreaterThanOrEqual(0);
      expect(s.cpu_percent).toBeLessThanOrEqual(100);
      expect(s.load_avg).toHaveLength(3);
      for (const r of [s.net_rx_bytes_per_s, s.net_tx_bytes_per_s, s.disk_read_bytes_per_s, s.disk_write_bytes_per_s]) {
        expect(r).toBeGreaterThanOrEqual(0);
      }
    }
    // Readings take a variable time, so single gaps jitter; on average they follow the interval.
    const mean = (samples.at(-1)!.ts_ms - samples[0]!.ts_ms) / (samples.length - 1);
    expect(mean).toBeGreaterThanOrEqual(120);
    expect(mean).toBeLessThan(600);
  });

  it('serves 100 clients from one sampler that runs only while someone listens', async () => {
    while (t.sampler.snapshot().running) await sleep(20);
    const before = t.sampler.snapshot();
    const started = Date.now();
    const clients = await Promise.all(Array.from({ length: 100 }, () => openSse(`${t.url}/v1/telemetry/stream`)));
    await Promise.all(clients.map((c) => c.waitFor(3, 10_000)));
    const elapsed = Date.now() - started;
    const during = t.sampler.snapshot();
    expect(during).toMatchObject({ running: true, subscribers: 100 });
    expect(during.loops_started - before.loops_started).toBe(1);
    expect(during.samples_taken - before.samples_taken).toBeLessThanOrEqual(Math.ceil(elapsed / 200) + 2);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/telemetry_stream_clients(\{[^}]*\})? 100/);

    for (const c of clients) c.close();
    while (t.sampler.snapshot().subscribers > 0) await sleep(20);
    expect(t.sampler.snapshot().running).toBe(false);
    // A reading already under way when the last client left may still complete; after that, nothing.
    await sleep(300);
    const idle = t.sampler.snapshot();
    await sleep(600);
    expect(t.sampler.snapshot().samples_taken).toBe(idle.samples_taken);
    const health = await (await fetch(`${t.url}/health`)).json();
    expect(health).toMatchObject({ service: 'telemetry', status: 'ok', sampler: { running: false, subscribers: 0 } });
  }, 30_000);
});
