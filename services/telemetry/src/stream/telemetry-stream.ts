import type { FastifyInstance } from 'fastify';
import type { SharedSampler } from '../sampler/shared-sampler.ts';

/** Comment line sent between samples so proxies and browsers keep idle streams open. */
const KEEPALIVE_MS = 15_000;

/** GET /v1/telemetry/stream: Server-Sent Events, one TelemetrySample per `data:` line, from the shared sampler. */
export function registerTelemetryStream(app: FastifyInstance, sampler: SharedSampler): void {
  const open = new Set<() => void>();
  // Hijacked responses are invisible to fastify's close(): end them so shutdown does not wait on listeners.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.get('/v1/telemetry/stream', (_req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const unsubscribe = sampler.subscribe((sample) => {
      // A client that cannot keep up loses samples rather than growing the server's buffers.
      if (res.writableNeedDrain) return;
      res.write(`data: ${JSON.stringify(sample)}\n\n`);
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    const release = () => {
      clearInterval(keepalive);
      unsubscribe();
      open.delete(end);
    };
    const end = () => {
      release();
      res.end();
    };
    open.add(end);
    res.on('close', release);
    res.on('error', release);
  });
}
