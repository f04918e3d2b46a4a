import type { IdentitySigner } from '@pagi/auth';
import type { Logger } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { registerStreamedUpload } from '../upstream/streamed-upload.ts';

/**
 * POST /api/media/upload: recordings streamed to telemetry's /v1/media/upload (see registerStreamedUpload);
 * telemetry applies the exact per-file cap and the type allowlist.
 */
export function registerUploadProxy(
  app: FastifyInstance,
  opts: { telemetryUrl: string; maxBytes: number; timeoutMs: number; logger: Logger; signer: IdentitySigner },
): void {
  registerStreamedUpload(app, {
    route: '/api/media/upload',
    target: `${opts.telemetryUrl.replace(/\/+$/, '')}/v1/media/upload`,
    service: 'telemetry',
    maxBytes: opts.maxBytes,
    timeoutMs: opts.timeoutMs,
    signer: opts.signer,
  });
}
