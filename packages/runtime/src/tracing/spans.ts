import type * as grpc from '@grpc/grpc-js';
import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

// Spans are created by hand in the kit's HTTP, gRPC and WebSocket paths (not by monkey-patching modules), so one
// chat turn is one trace across services. Without a configured SDK every call here is a cheap no-op.

const tracer = () => trace.getTracer('pagi');

export { type Context, type Span, SpanKind };

/** Runs fn inside a new span (child of the active context or of `parent`), ending it with the outcome. */
export async function inSpan<T>(
  name: string,
  opts: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  fn: (span: Span) => Promise<T> | T,
): Promise<T> {
  const parent = opts.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: opts.kind ?? SpanKind.INTERNAL, attributes: opts.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}

/** Starts a span without entering it (for lifecycles spread over callbacks, e.g. an HTTP request). */
export function startSpan(name: string, kind: SpanKind, parent: Context, attributes?: Attributes): Span {
  return tracer().startSpan(name, { kind, attributes }, parent);
}

/** The W3C trace context carried by incoming HTTP headers. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Adds `traceparent`/`tracestate` for the active span to outgoing HTTP headers. */
export function traceHeaders(headers: Record<string, string> = {}): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}

/** The trace context carried by incoming gRPC metadata. */
export function contextFromMetadata(md: grpc.Metadata): Context {
  const carrier: Record<string, string> = {};
  for (const [k, v] of Object.entries(md.getMap())) if (typeof v === 'string') carrier[k] = v;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** Writes the active trace context into outgoing gRPC metadata. */
export function injectMetadata(md: grpc.Metadata): grpc.Metadata {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  for (const [k, v] of Object.entries(carrier)) md.set(k, v);
  return md;
}

export function activeContext(): Context {
  return context.active();
}

export function withContext<T>(ctx: Context, span: Span, fn: () => T): T {
  return context.with(trace.setSpan(ctx, span), fn);
}

export function endSpan(span: Span, error?: boolean, message?: string): void {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message });
  span.end();
}
