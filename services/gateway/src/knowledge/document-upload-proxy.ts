import type { IdentitySigner } from '@pagi/auth';
import type { FastifyInstance } from 'fastify';
import { registerStreamedUpload } from '../upstream/streamed-upload.ts';

/**
 * POST /api/knowledge/upload: documents streamed to the orchestrator's knowledge base, which stores them in the
 * ingest folder after the same checks a dropped file gets (format, INGEST_MAX_FILE_BYTES, a plain file name).
 */
export function registerDocumentUploadProxy(
  app: FastifyInstance,
  opts: { orchestratorUrl: string; maxBytes: number; timeoutMs: number; signer: IdentitySigner },
): void {
  registerStreamedUpload(app, {
    route: '/api/knowledge/upload',
    target: `${opts.orchestratorUrl.replace(/\/+$/, '')}/api/knowledge/upload`,
    service: 'orchestrator',
    maxBytes: opts.maxBytes,
    timeoutMs: opts.timeoutMs,
    signer: opts.signer,
  });
}
