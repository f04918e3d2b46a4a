import type { IncomingHttpHeaders } from 'node:http';
import httpProxy from '@fastify/http-proxy';
import { IDENTITY_HEADER, type IdentitySigner, identityOf } from '@pagi/auth';
import { CodedError } from '@pagi/contracts';
import { errorAnswer } from '@pagi/runtime';
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerBase, RouteGenericInterface } from 'fastify';

export interface ProxyOptions {
  orchestratorUrl: string;
  telemetryUrl: string;
  timeoutMs: number;
  bodyLimit: number;
  /** Vouches to the services behind the gateway for who is calling. */
  signer: IdentitySigner;
}

/** reply-from's failures in the shared error shape: the service is down (502) or too slow (504). */
function onProxyError(service: string) {
  const answered = new WeakSet<object>();
  return (reply: FastifyReply<RouteGenericInterface, RawServerBase>, { error }: { error: Error }) => {
    // A request with a body can fail twice (the upload and the connection), the second time while the first
    // answer is still in its send hooks: one answer per request.
    if (reply.sent || answered.has(reply)) return;
    answered.add(reply);
    const timeout = (error as { statusCode?: number }).statusCode === 504;
    const { status, body } = errorAnswer(
      timeout
        ? new CodedError('upstream_timeout', `${service} did not answer in time`)
        : new CodedError('upstream_unavailable', `${service} is unavailable`),
    );
    reply.status(status).send(body);
  };
}

/**
 * Everything the gateway does not answer itself is forwarded: `/api/*` and `/v1/actions*` to the orchestrator,
 * `GET /api/media` and `GET`/`DELETE /api/media/:id` to telemetry's `/v1/media` (Range and conditional headers pass
 * through, so the browser can seek). The socket timeout bounds a silent upstream; Server-Sent Events are exempt
 * from it. Bodies stream through; a declared length over the limit is refused before it is forwarded.
 */
export async function registerServiceProxies(app: FastifyInstance, opts: ProxyOptions): Promise<void> {
  // The caller's own credentials stay here: the service behind gets the identity, signed, and nothing it could
  // mistake for one (a client-sent identity header never reaches the guard's handler, which refuses it).
  const rewriteRequestHeaders = (
    req: FastifyRequest<RouteGenericInterface, RawServerBase>,
    headers: IncomingHttpHeaders,
  ): IncomingHttpHeaders => {
    const { cookie: _c, authorization: _a, [IDENTITY_HEADER]: _i, ...rest } = headers;
    return { ...rest, [IDENTITY_HEADER]: opts.signer.sign(identityOf(req as FastifyRequest)) };
  };
  const http = { requestOptions: { timeout: opts.timeoutMs } };
  const refuseLarge = async (req: { headers: Record<string, unknown> }) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > opts.bodyLimit) {
      throw new CodedError('payload_too_large', 'request body is larger than the limit');
    }
  };

  // The proxies pass bodies through untouched: in their own scope the app's JSON parser gives way to theirs.
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    await scope.register(httpProxy, {
      upstream: opts.telemetryUrl,
      prefix: '/api/media',
      rewritePrefix: '/v1/media',
      httpMethods: ['GET', 'DELETE'],
      http,
      replyOptions: { onError: onProxyError('telemetry'), rewriteRequestHeaders },
    });
    await scope.register(httpProxy, {
      upstream: opts.orchestratorUrl,
      prefix: '/api',
      rewritePrefix: '/api',
      http,
      preHandler: refuseLarge,
      replyOptions: { onError: onProxyError('orchestrator'), rewriteRequestHeaders },
    });
    await scope.register(httpProxy, {
      upstream: opts.orchestratorUrl,
      prefix: '/v1/actions',
      rewritePrefix: '/v1/actions',
      http,
      preHandler: refuseLarge,
      replyOptions: { onError: onProxyError('orchestrator'), rewriteRequestHeaders },
    });
  });
}
