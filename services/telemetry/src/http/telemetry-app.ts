import { type IdentitySigner, installGuard } from '@pagi/auth';
import { createHttpApp, type Logger } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { registerMediaRoutes } from '../media/media-routes.ts';
import type { MediaStore } from '../media/media-store.ts';
import { registerUploadRoute } from '../media/upload-route.ts';
import type { SharedSampler } from '../sampler/shared-sampler.ts';
import { registerTelemetryStream } from '../stream/telemetry-stream.ts';
import { telemetryAccess } from './route-access.ts';

export interface TelemetryAppDeps {
  logger: Logger;
  sampler: SharedSampler;
  media: MediaStore;
  mediaMaxBytes: number;
  /** Accounts on: media requests carry the identity the gateway signed. Off: everything is the local admin's. */
  auth: { mode: 'on' | 'off'; signer: IdentitySigner };
}

/** The telemetry HTTP face: /health (with the sampler's state), /metrics, the sample stream and media. */
export async function buildTelemetryApp(deps: TelemetryAppDeps): Promise<FastifyInstance> {
  const app = createHttpApp({
    service: 'telemetry',
    logger: deps.logger,
    health: () => ({ sampler: deps.sampler.snapshot(), media_items: deps.media.size }),
  });
  await installGuard(app, {
    mode: deps.auth.mode,
    signer: deps.auth.signer,
    access: telemetryAccess,
  });
  registerTelemetryStream(app, deps.sampler);
  await registerUploadRoute(app, deps.media, deps.mediaMaxBytes);
  registerMediaRoutes(app, deps.media);
  return app;
}
