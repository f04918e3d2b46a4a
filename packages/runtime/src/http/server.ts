import { errorBody } from '@pagi/contracts';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions, LogController } from 'fastify';
import type { Logger } from '../log/logger.ts';
import { histogram, LATENCY_BUCKETS, metrics } from '../metrics/registry.ts';
import { contextFromHeaders, endSpan, type Span, SpanKind, startSpan, withContext } from '../tracing/spans.ts';
import { answerUnreadBody, errorAnswer, parseJsonBody } from './error-answer.ts';
import { endSubscriptions } from './sse.ts';

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Extra fields merged into `GET /health` (e.g. dependency states). */
  health?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  healthPath?: string;
  fastify?: Partial<FastifyServerOptions>;
}

const requestSeconds = () =>
  histogram('http_request_duration_seconds', 'HTTP request latency', ['method', 'route', 'status'], LATENCY_BUCKETS);

const routeLists = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** The routes an app made by createHttpApp serves (method and pattern), in registration order. */
export function routesOf(app: FastifyInstance): { method: string; url: string }[] {
  return [...(routeLists.get(app) ?? [])];
}

/**
 * A fastify app with the house conventions: the shared error shape, body limits, `/health`, `/metrics`,
 * request latency metrics, and a close() that lets in-flight requests finish.
 */
export function createHttpApp(opts: HttpAppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: opts.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: opts.bodyLimit ?? 1_048_576,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Errors fastify meets before a route runs (a malformed or over-long path) get the shared shape too.
    frameworkErrors: (err, _req, reply) => {
      const { status, body } = errorAnswer(err);
      (reply as FastifyReply).status(status).send(body);
    },
    ...opts.fastify,
  }) as unknown as FastifyInstance;
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  const latency = requestSeconds();
  // Every route the app serves, as registered (tests walk it to prove each one is guarded).
  const routes: { method: string; url: string }[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url });
  });

  // Requests still running when close() begins answer with `Connection: close`, so keep-alive clients let go
  // and the server can finish closing as soon as they are done.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    endSubscriptions(app.server);
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  // One server span per request, continuing the caller's trace; the handler runs inside it so outgoing calls
  // (gRPC, fetch with traceHeaders()) join the same trace.
  const spans = new WeakMap<object, Span>();
  app.addHook('onRequest', (req, _reply, done) => {
    const parent = contextFromHeaders(req.headers);
    const span = startSpan(`${req.method} ${req.routeOptions.url ?? 'unmatched'}`, SpanKind.SERVER, parent, {
      'http.request.method': req.method,
      'http.route': req.routeOptions.url ?? '',
    });
    spans.set(req, span);
    withContext(parent, span, done);
  });

  app.addHook('onResponse', async (req, reply) => {
    const span = spans.get(req);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      endSpan(span, reply.statusCode >= 500);
    }
    latency.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler((err, req, reply) => {
    const { status, body, known } = errorAnswer(err);
    if (!known) req.log.error({ err }, 'request failed');
    if (body.error.code === 'payload_too_large' && !req.raw.complete) return answerUnreadBody(req, reply, status, body);
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(errorBody('not_found', `no route for ${req.method} ${req.url.split('?')[0]}`));
  });

  app.get(opts.healthPath ?? '/health', async () => ({
    service: opts.service,
    status: 'ok',
    ...(opts.health ? await opts.health() : {}),
  }));

  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', metrics.contentType);
    return metrics.metrics();
  });

  return app;
}

/** Starts listening and returns the bound port (useful with port 0 in tests). */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<number> {
  await app.listen({ host, port });
  const addr = app.server.address();
  return typeof addr === 'object' && addr ? addr.port : port;
}
