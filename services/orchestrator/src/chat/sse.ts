import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseStream {
  send(data: unknown): void;
  end(): void;
  /** True once the client went away. */
  readonly closed: boolean;
}

const HEARTBEAT_MS = 15_000;

export const wantsSse = (req: FastifyRequest) => (req.headers.accept ?? '').includes('text/event-stream');

/** Open subscription streams (activity feed, ingestion events): they never end by themselves. */
const subscriptions = new Set<SseStream>();

/** Ends every subscription stream, so a shutting-down server is not held open by idle listeners. */
export function endSubscriptions(): void {
  for (const s of subscriptions) s.end();
}

/**
 * Takes over the reply and opens a Server-Sent Events stream (one JSON object per `data:` line).
 * `subscription` marks an endless feed that shutdown may end; a chat turn's stream is left to finish.
 */
export function openSse(reply: FastifyReply, opts: { subscription?: boolean } = {}): SseStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  // A first comment line lets proxies and browsers see the stream as open before the first event.
  res.write(': connected\n\n');
  let closed = false;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    subscriptions.delete(stream);
  });
  const stream: SseStream = {
    send(data) {
      if (!closed) res.write(`data: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      clearInterval(heartbeat);
      if (!closed) res.end();
      closed = true;
      subscriptions.delete(stream);
    },
    get closed() {
      return closed;
    },
  };
  if (opts.subscription) subscriptions.add(stream);
  return stream;
}
