import type { IncomingMessage } from 'node:http';
import { CodedError, describeIssues, type ErrorBody, errorBody } from '@pagi/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import { ZodError } from 'zod';

// The HTTP transport's half of the error table: whatever a route throws becomes one answer in the shared shape.

/** Fastify's own request errors, as platform codes. */
function fromFastify(err: FastifyError): CodedError | undefined {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return new CodedError('uri_too_long', 'a part of the path is longer than the server accepts');
  }
  if (err.code === 'FST_ERR_BAD_URL') return new CodedError('bad_request', 'the request path is malformed');
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new CodedError('payload_too_large', 'request body is larger than the limit');
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new CodedError('unsupported_media_type', err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new CodedError('bad_request', err.message);
  return undefined;
}

/** The status and body an error is answered with; anything unknown is a 500 that reveals nothing. */
export function errorAnswer(err: unknown): { status: number; body: ErrorBody; known: boolean } {
  const coded =
    err instanceof CodedError
      ? err
      : err instanceof ZodError
        ? new CodedError('invalid_request', describeIssues(err))
        : fromFastify(err as FastifyError);
  if (!coded) return { status: 500, body: errorBody('internal', 'internal error'), known: false };
  return { status: coded.httpStatus, body: errorBody(coded.code, coded.message), known: true };
}

/**
 * JSON bodies: parsed with prototype-poisoning protection, every failure answered with what was wrong. An empty
 * body is no body.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (err) {
    if (err instanceof SyntaxError && /prototype/.test(err.message)) {
      throw new CodedError('invalid_request', 'the body holds a "__proto__" or "constructor.prototype" key; refused');
    }
    throw new CodedError('bad_request', `the body is not valid JSON: ${(err as Error).message}`);
  }
}

/** Bytes and time a rejected request body is still read (and dropped) so the client can read the answer. */
const LINGER_BYTES = 64 * 1024 * 1024;
const LINGER_MS = 5000;

/**
 * Answers a request whose body was refused before it was read (too large). Closing at once would reset the
 * connection while the client is still sending, and many clients then report a network error instead of the 413;
 * so the rest of the body is read and dropped, within bounds, and the connection closed after that.
 */
export function answerUnreadBody(req: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) {
  reply.removeHeader('connection');
  drainThenClose(req.raw);
  return reply.status(status).send(body);
}

function drainThenClose(raw: IncomingMessage): void {
  if (raw.complete) return;
  let read = 0;
  const timer = setTimeout(() => raw.socket.destroy(), LINGER_MS);
  timer.unref();
  raw.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > LINGER_BYTES) raw.socket.destroy();
  });
  raw.once('end', () => {
    clearTimeout(timer);
    raw.socket.end();
  });
  raw.once('close', () => clearTimeout(timer));
  raw.resume();
}
