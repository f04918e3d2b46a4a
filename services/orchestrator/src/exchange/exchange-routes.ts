import {
  CodedError,
  ExchangePreview,
  ExchangePreviewRequest,
  MAX_PREVIEW_TEXT_BYTES,
  parseWith,
} from '@pagi/contracts';
import { redact } from '@pagi/redaction';
import type { FastifyInstance } from 'fastify';

/**
 * POST /api/phoenix/exchange/preview {text} → {text, redactions}: exactly what would leave this twin for a text,
 * through the same redaction every outbound memory goes through. It needs no peer, so it answers with the mesh off.
 */
export function registerExchangeRoutes(app: FastifyInstance): void {
  app.post('/api/phoenix/exchange/preview', async (req) => {
    const text = (req.body as { text?: unknown } | null)?.text;
    // Too long is its own answer (413), not a malformed request.
    if (typeof text === 'string' && Buffer.byteLength(text, 'utf8') > MAX_PREVIEW_TEXT_BYTES) {
      throw new CodedError('payload_too_large', `text must be at most ${MAX_PREVIEW_TEXT_BYTES} bytes`);
    }
    const request = parseWith(ExchangePreviewRequest, req.body);
    return ExchangePreview.parse(redact(request.text));
  });
}
