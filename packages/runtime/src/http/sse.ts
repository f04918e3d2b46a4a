import type { FastifyReply, FastifyRequest } from 'fastify';

/** A Server-Sent Events stream: one JSON object per `data:` line. */
export interface SseStream {
  send(data: unknown): void;
  end(): void;
  /** True once the client went away or the stream was ended. */
  readonly closed: boolean;
  /** False while the client is not reading fast enough (the socket's buffer is full). */
  readonly ready: boolean;
}

export interface SseOptions {
  /** An endless feed (activity, telemetry, ingestion events): ended when the server shuts down. */
  subscription?: boolean;
  /** Reconnection delay suggested to the browser. */
  retryMs?: number;
  heartbeatMs?: number;
}

// Hijacked replies are invisible to fastify's close(): subscriptions are tracked per HTTP server so that shutdown can
// end them instead of waiting on idle listeners. A chat turn's stream is not a subscription and may finish.
const subscriptions = new WeakMap<object, Set<SseStream>>();

export const wantsSse = (req: FastifyRequest) => (req.headers.accept ?? '').includes('text/event-stream');

/** Takes over the reply and opens an event stream, with heartbeats so proxies keep it open. */
export function openSse(reply: FastifyReply, opts: SseOptions = {}): SseStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    // Headers set by hooks (CORS, security) live on the reply; a hijacked response must copy them.
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // A first line lets proxies and browsers see the stream as open before the first event.
  res.write(opts.retryMs ? `retry: ${opts.retryMs}\n\n` : ': connected\n\n');
  let closed = false;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), opts.heartbeatMs ?? 15_000);
  heartbeat.unref();
  const registry = reply.server.server;
  const release = () => {
    closed = true;
    clearInterval(heartbeat);
    subscriptions.get(registry)?.delete(stream);
  };
  const stream: SseStream = {
    send(data) {
      if (!closed) res.write(`data: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      const wasOpen = !closed;
      release();
      if (wasOpen) res.end();
    },
    get closed() {
      return closed;
    },
    get ready() {
      return !closed && !res.writableNeedDrain;
    },
  };
  res.on('close', release);
  res.on('error', release);
  if (opts.subscription) {
    const set = subscriptions.get(registry) ?? new Set<SseStream>();
    subscriptions.set(registry, set);
    set.add(stream);
  }
  return stream;
}

/** Ends every subscription stream served by this HTTP server (called when the server closes). */
export function endSubscriptions(server: object): void {
  for (const s of [...(subscriptions.get(server) ?? [])]) s.end();
}
