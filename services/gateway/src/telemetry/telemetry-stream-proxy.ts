import { CodedError } from '@pagi/contracts';
import { gauge, type Logger, traceHeaders } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { upstreamFailure } from '../upstream/upstream-failure.ts';

/**
 * GET /v1/telemetry/stream: the telemetry service's SSE passed through byte for byte. Each browser gets its own
 * upstream request, aborted as soon as the browser goes away, so telemetry sees the listener leave and its shared
 * sampler can stop when nobody listens.
 */
export function registerTelemetryStreamProxy(
  app: FastifyInstance,
  opts: { telemetryUrl: string; timeoutMs: number; logger: Logger },
): void {
  const clients = gauge('gateway_sse_clients', 'Browsers connected to the proxied telemetry stream');
  const open = new Set<AbortController>();
  app.addHook('preClose', async () => {
    for (const controller of open) controller.abort();
  });

  app.get('/v1/telemetry/stream', async (_req, reply) => {
    const controller = new AbortController();
    const connectTimer = setTimeout(() => controller.abort(new Error('timeout')), opts.timeoutMs);
    const release = () => controller.abort();
    reply.raw.once('close', release);
    let res: Response;
    try {
      res = await fetch(`${opts.telemetryUrl.replace(/\/+$/, '')}/v1/telemetry/stream`, {
        headers: traceHeaders({ accept: 'text/event-stream' }),
        signal: controller.signal,
      });
    } catch (err) {
      clearTimeout(connectTimer);
      reply.raw.off('close', release);
      throw upstreamFailure('telemetry', err, controller.signal.reason instanceof Error);
    }
    clearTimeout(connectTimer);
    if (!res.ok || !res.body) {
      reply.raw.off('close', release);
      await res.body?.cancel();
      throw new CodedError('upstream_error', `telemetry answered HTTP ${res.status}`);
    }
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      // CORS and security headers set by the hooks live on the reply; a hijacked response must copy them.
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    open.add(controller);
    clients.inc();
    try {
      for await (const chunk of res.body) {
        // A browser that stops reading drops samples instead of growing the gateway's buffers.
        if (!out.writableNeedDrain) out.write(chunk);
      }
    } catch (err) {
      if (!controller.signal.aborted) opts.logger.debug({ err }, 'telemetry stream ended with an error');
    } finally {
      open.delete(controller);
      clients.dec();
      controller.abort();
      out.end();
    }
  });
}
