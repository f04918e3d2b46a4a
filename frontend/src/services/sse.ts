import type { z } from 'zod';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

interface SseOptions<S extends z.ZodType> {
  url: string;
  schema: S;
  onEvent: (event: z.infer<S>) => void;
  onState?: (state: StreamState) => void;
  /** Delay before reopening a stream the browser gave up on. */
  retryMs?: number;
}

/**
 * Subscribes to a Server-Sent Events stream whose `data:` lines are JSON, validating every event.
 * EventSource retries dropped connections itself; a stream it closed for good (an HTTP error answer) is
 * reopened here after a pause. Invalid events are dropped rather than breaking the view.
 */
export function subscribeSse<S extends z.ZodType>(opts: SseOptions<S>): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const handle = (msg: MessageEvent) => {
    if (typeof msg.data !== 'string' || msg.data.length === 0) return;
    let raw: unknown;
    try {
      raw = JSON.parse(msg.data);
    } catch {
      return;
    }
    const parsed = opts.schema.safeParse(raw);
    if (parsed.success) opts.onEvent(parsed.data);
  };

  const open = () => {
    if (stopped) return;
    opts.onState?.('connecting');
    const es = new EventSource(opts.url);
    source = es;
    es.addEventListener('message', handle);
    es.onopen = () => opts.onState?.('open');
    es.onerror = () => {
      opts.onState?.('reconnecting');
      if (es.readyState === EventSource.CLOSED && !retry) {
        retry = setTimeout(() => {
          retry = undefined;
          open();
        }, opts.retryMs ?? 3000);
      }
    };
  };

  open();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    source?.close();
  };
}
