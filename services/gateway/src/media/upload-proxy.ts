import { Transform, type TransformCallback } from 'node:stream';
import { CodedError } from '@pagi/contracts';
import { errorAnswer, type Logger, traceHeaders } from '@pagi/runtime';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { upstreamFailure } from '../upstream/upstream-failure.ts';

/** Room for the multipart envelope (boundaries, part headers, small fields) around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

class TooLarge extends Error {}

/** Passes bytes through and fails the stream as soon as more than `limit` have gone by. */
class ByteCap extends Transform {
  private seen = 0;
  private readonly limit: number;
  private readonly onChunk: () => void;
  constructor(limit: number, onChunk: () => void) {
    super();
    this.limit = limit;
    this.onChunk = onChunk;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.onChunk();
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new TooLarge(`upload is larger than ${this.limit} bytes`));
    else done(null, chunk);
  }
}

/**
 * Answering before the whole body arrived: Node would otherwise read (and discard) the rest of an upload of any
 * size. The connection is closed once the answer is written, so the client cannot keep sending.
 */
function stopReadingAfterReply(reply: FastifyReply): void {
  if (reply.request.raw.complete) return;
  reply.header('connection', 'close');
  reply.raw.once('finish', () => reply.request.raw.socket?.destroy());
}

/** Answers with the shared error shape, and stops reading what the client still sends. */
const refuse = (reply: FastifyReply, err: CodedError) => {
  stopReadingAfterReply(reply);
  const { status, body } = errorAnswer(err);
  return reply.status(status).send(body);
};
const tooLarge = (reply: FastifyReply, maxBytes: number) =>
  refuse(reply, new CodedError('payload_too_large', `the file is larger than the limit of ${maxBytes} bytes`));

/**
 * POST /api/media/upload: the multipart body is streamed to telemetry's /v1/media/upload as it arrives, never
 * buffered. A declared length over the cap is refused before any byte is forwarded; an undeclared (chunked) one is
 * counted while streaming and cut off at the cap. Telemetry applies the exact per-file cap and the type allowlist.
 */
export function registerUploadProxy(
  app: FastifyInstance,
  opts: { telemetryUrl: string; maxBytes: number; timeoutMs: number; logger: Logger },
): void {
  const limit = opts.maxBytes + MULTIPART_OVERHEAD;
  app.register(async (scope) => {
    // Leave the body unread: it is forwarded as a stream.
    scope.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null));
    scope.post('/api/media/upload', async (req, reply) => {
      const contentType = req.headers['content-type'] ?? '';
      if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
        throw new CodedError('unsupported_media_type', 'expected multipart/form-data with a "file" field');
      }
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (Number.isFinite(declared) && declared > limit) return tooLarge(reply, opts.maxBytes);

      const controller = new AbortController();
      // An idle deadline: a slow but steady upload may take longer than the timeout, a stalled one may not.
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), opts.timeoutMs);
      };
      arm();
      const cap = new ByteCap(limit, arm);
      const onClientGone = () => {
        if (!reply.raw.writableFinished) controller.abort();
      };
      reply.raw.once('close', onClientGone);
      let overCap = false;
      cap.once('error', (err) => {
        overCap = err instanceof TooLarge;
        controller.abort();
      });
      req.raw.pipe(cap);
      try {
        const res = await fetch(`${opts.telemetryUrl.replace(/\/+$/, '')}/v1/media/upload`, {
          method: 'POST',
          headers: traceHeaders({
            'content-type': contentType,
            ...(Number.isFinite(declared) ? { 'content-length': String(declared) } : {}),
          }),
          body: cap as unknown as ReadableStream,
          duplex: 'half',
          signal: controller.signal,
        } as RequestInit);
        const body = await res.text();
        if (overCap) return tooLarge(reply, opts.maxBytes);
        // Telemetry refused early (type, size): the client may still be sending.
        req.raw.unpipe(cap);
        stopReadingAfterReply(reply);
        reply.status(res.status).header('content-type', res.headers.get('content-type') ?? 'application/json');
        return reply.send(body);
      } catch (err) {
        if (overCap) return tooLarge(reply, opts.maxBytes);
        req.raw.unpipe(cap);
        if (reply.raw.destroyed) return reply;
        return refuse(reply, upstreamFailure('telemetry', err, controller.signal.aborted));
      } finally {
        clearTimeout(timer);
        reply.raw.off('close', onClientGone);
      }
    });
  });
}
