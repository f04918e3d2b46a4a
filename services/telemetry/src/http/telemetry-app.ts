import { createHttpApp, type Logger } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { registerMediaRoutes } from '../media/media-routes.ts';
import type { MediaStore } from '../media/media-store.ts';
import { registerUploadRoute } from '../media/upload-route.ts';
import type { SharedSampler } from '../sampler/shared-sampler.ts';
import { registerTelemetryStream } from '../stream/telemetry-stream.ts';

export interface TelemetryAppDeps {
  logger: Logger;
  sampler: SharedSampler;
  media: MediaStore;
  mediaMaxBytes: number;
}

/** The telemetry HTTP face: /health (with the sampler's state), /metrics, the sample stream and media. */
export async function buildTelemetryApp(deps: TelemetryAppDeps): Promise<FastifyInstance> {
  const app = createHttpApp({
    service: 'telemetry',
    logger: deps.logger,
    health: () => ({ sampler: deps.sampler.snapshot(), media_items: deps.media.list().length }),
  });
  registerTelemetryStream(app, deps.sampler);
  await registerUploadRoute(app, deps.media, deps.mediaMaxBytes);
  registerMediaRoutes(app, deps.media);
  return app;
}
