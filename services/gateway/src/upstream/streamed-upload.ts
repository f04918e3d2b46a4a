import http from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { IDENTITY_HEADER, type IdentitySigner, identityOf } from '@pagi/auth';
import { CodedError } from '@pagi/contracts';
import { errorAnswer, traceHeaders } from '@pagi/runtime';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { upstreamFailure } from './upstream-failure.ts';

// Multipart uploads streamed to the service that stores them (media to telemetry, documents to the orchestrator's
// knowledge base), with the size bound applied while the bytes pass through.

/** Room for the multipart envelope (boundaries, part headers, small fields) around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Largest answer read back from the service (a small JSON body). */
const ANSWER_MAX_BYTES = 64 * 1024;

class TooLarge extends Error {}

/** Passes bytes through and fails the stream as soon as more than `limit` have gone by. */
class ByteCap extends Transform {
  private seen = 0;
  private readonly limit: number;
  constructor(limit: number) {
    super();
    this.limit = limit;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new TooLarge(`upload is larger than ${this.limit} bytes`));
    else done(null, chunk);
  }
}

/** What is still read (and dropped) of a refused upload so the client, still sending, can read the answer. */
const LINGER_BYTES = 1024 * 1024;

/**
 * Answering before the whole body arrived. A small rest (a declared length at most LINGER_BYTES beyond what was
 * read) is read and dropped, so the client reads the answer; anything larger is not read at all: the connection is
 * closed once the answer is written, so the client cannot keep sending.
 */
function stopReadingAfterReply(reply: FastifyReply, read = 0): void {
  const req = reply.request.raw;
  if (req.complete) return;
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared - read <= LINGER_BYTES) {
    req.resume();
    return;
  }
  reply.header('connection', 'close');
  reply.raw.once('finish', () => req.socket?.destroy());
}

/** Answers with the shared error shape, and stops reading what the client still sends. */
const refuse = (reply: FastifyReply, err: CodedError) => {
  stopReadingAfterReply(reply);
  const { status, body } = errorAnswer(err);
  return reply.status(status).send(body);
};

export interface StreamedUploadOptions {
  /** The gateway's route, e.g. `/api/media/upload`. */
  route: string;
  /** The service's upload URL. */
  target: string;
  /** Named in errors: `telemetry`, `orchestrator`. */
  service: string;
  /** Largest file; the service applies the exact bound, this one stops a larger body on its way. */
  maxBytes: number;
  timeoutMs: number;
  signer: IdentitySigner;
}

/**
 * POST `route`: the multipart body is streamed to `target` as it arrives. Nothing is buffered: the client's socket,
 * the byte cap and the upstream socket are piped, so the client can send no faster than the service stores. A
 * declared length over the cap is refused before any byte is read; an undeclared (chunked) one is counted while
 * streaming and cut off at the cap, and reading stops there. The service applies the exact per-file cap and its
 * type rules, and may answer early (type, size) while the client is still sending.
 */
export function registerStreamedUpload(app: FastifyInstance, opts: StreamedUploadOptions): void {
  const limit = opts.maxBytes + MULTIPART_OVERHEAD;
  const tooLarge = () =>
    new CodedError('payload_too_large', `the file is larger than the limit of ${opts.maxBytes} bytes`);

  app.register(async (scope) => {
    // Leave the body unread: it is forwarded as a stream.
    scope.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null));
    scope.post(opts.route, async (req, reply) => {
      const contentType = req.headers['content-type'] ?? '';
      if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
        throw new CodedError('unsupported_media_type', 'expected multipart/form-data with a "file" field');
      }
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (Number.isFinite(declared) && declared > limit) return refuse(reply, tooLarge());
      const outcome = await forward(req, opts.target, {
        contentType,
        declared: Number.isFinite(declared) ? declared : undefined,
        limit,
        timeoutMs: opts.timeoutMs,
        // The upload belongs to the person sending it.
        identity: opts.signer.sign(identityOf(req)),
      });
      switch (outcome.kind) {
        case 'answered':
          stopReadingAfterReply(reply, outcome.read);
          return reply.status(outcome.status).header('content-type', outcome.contentType).send(outcome.body);
        case 'too_large':
          return refuse(reply, tooLarge());
        case 'client_gone':
          req.log.info('upload cut off by the client');
          return reply;
        case 'failed':
          return refuse(reply, upstreamFailure(opts.service, outcome.error, outcome.timedOut));
      }
    });
  });
}

type Outcome =
  | { kind: 'answered'; status: number; contentType: string; body: string; read: number }
  | { kind: 'too_large' }
  | { kind: 'client_gone' }
  | { kind: 'failed'; error: unknown; timedOut: boolean };

/** Streams the request body to the service and settles once with what happened. */
function forward(
  req: FastifyRequest,
  target: string,
  o: { contentType: string; declared: number | undefined; limit: number; timeoutMs: number; identity: string },
): Promise<Outcome> {
  return new Promise((resolve) => {
    const client = req.raw;
    const cap = new ByteCap(o.limit);
    // Socket inactivity: a slow but steady upload may take longer than the timeout, a stalled one may not.
    const upstream = http.request(target, {
      method: 'POST',
      timeout: o.timeoutMs,
      headers: traceHeaders({
        'content-type': o.contentType,
        [IDENTITY_HEADER]: o.identity,
        ...(o.declared === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(o.declared) }),
      }),
    });
    let settled = false;
    let timedOut = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      client.unpipe(cap);
      cap.unpipe(upstream);
      client.off('close', onClientClose);
      // Bytes the client still sends are not read any more (the answer closes the connection).
      client.pause();
      if (outcome.kind !== 'answered') upstream.destroy();
      resolve(outcome);
    };
    const onClientClose = () => {
      if (!client.complete) settle({ kind: 'client_gone' });
    };
    client.on('close', onClientClose);
    cap.on('error', (err) => {
      if (err instanceof TooLarge) settle({ kind: 'too_large' });
    });
    upstream.on('timeout', () => {
      timedOut = true;
      upstream.destroy(new Error('timeout'));
    });
    upstream.on('error', (error) => settle({ kind: 'failed', error, timedOut }));
    upstream.on('response', async (res) => {
      let body = '';
      try {
        for await (const chunk of res) if (body.length < ANSWER_MAX_BYTES) body += String(chunk);
      } catch (error) {
        settle({ kind: 'failed', error, timedOut });
        return;
      }
      settle({
        kind: 'answered',
        read: client.socket?.bytesRead ?? 0,
        status: res.statusCode ?? 502,
        contentType: res.headers['content-type'] ?? 'application/json',
        body: body.slice(0, ANSWER_MAX_BYTES),
      });
    });
    client.pipe(cap).pipe(upstream);
  });
}
