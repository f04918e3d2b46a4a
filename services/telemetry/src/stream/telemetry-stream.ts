import { openSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import type { SharedSampler } from '../sampler/shared-sampler.ts';

/** GET /v1/telemetry/stream: Server-Sent Events, one TelemetrySample per `data:` line, from the shared sampler. */
export function registerTelemetryStream(app: FastifyInstance, sampler: SharedSampler): void {
  app.get('/v1/telemetry/stream', (_req, reply) => {
    const stream = openSse(reply, { subscription: true, retryMs: 3000 });
    const unsubscribe = sampler.subscribe((sample) => {
      // A client that cannot keep up loses samples rather than growing the server's buffers.
      if (stream.ready) stream.send(sample);
    });
    reply.raw.on('close', unsubscribe);
  });
}
