import http from 'node:http';
import { CodedError } from '@pagi/contracts';
import { traceHeaders } from '@pagi/runtime';
import { readSseData } from './sse-reader.ts';
import { answerError, upstreamFailure } from './upstream-failure.ts';

export interface CallOptions {
  /** Aborts the call (the caller went away). */
  signal?: AbortSignal;
  body?: unknown;
  /** Extra request headers (the signed identity of the person the call is for). */
  headers?: Record<string, string>;
}

async function readText(res: AsyncIterable<Buffer>, limit = 65_536): Promise<string> {
  let text = '';
  for await (const chunk of res) if (text.length < limit) text += chunk.toString('utf8');
  return text.slice(0, limit);
}

/**
 * HTTP calls from the gateway to one service, each with a deadline. Streams have an idle deadline instead: the
 * call fails when nothing arrives for `timeoutMs`, however long the whole stream lasts.
 */
export class HttpUpstream {
  readonly service: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  // Turns use node:http with a keep-alive pool: per request it costs a fraction of fetch's CPU, which shows
  // directly in the chat round trip.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 64 });

  constructor(service: string, baseUrl: string, timeoutMs: number) {
    this.service = service;
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = timeoutMs;
  }

  async json<T>(path: string, opts: CallOptions = {}): Promise<T> {
    const signal = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), ...(opts.signal ? [opts.signal] : [])]);
    try {
      const res = await fetch(this.baseUrl + path, {
        method: opts.body === undefined ? 'GET' : 'POST',
        headers: traceHeaders({
          accept: 'application/json',
          ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...opts.headers,
        }),
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal,
      });
      if (!res.ok) throw answerError(this.service, res.status, await res.text().catch(() => ''));
      return (await res.json()) as T;
    } catch (err) {
      throw upstreamFailure(this.service, err, signal.aborted && !opts.signal?.aborted);
    }
  }

  /** POSTs JSON asking for `text/event-stream` and yields the events' data, batched as they arrived. */
  async *events(path: string, opts: CallOptions = {}): AsyncGenerator<string[]> {
    const payload = JSON.stringify(opts.body ?? {});
    let timedOut = false;
    const req = http.request(`${this.baseUrl}${path}`, {
      method: 'POST',
      agent: this.agent,
      // Socket inactivity: covers waiting for the answer and any silence inside the stream.
      timeout: this.timeoutMs,
      headers: traceHeaders({
        accept: 'text/event-stream',
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(payload)),
        ...opts.headers,
      }),
    });
    req.on('timeout', () => {
      timedOut = true;
      req.destroy(new Error('timeout'));
    });
    // Stopped by the person: the request is closed, and the service behind cancels its own work.
    const stop = () => req.destroy(new CodedError('cancelled', 'stopped'));
    if (opts.signal?.aborted) stop();
    opts.signal?.addEventListener('abort', stop, { once: true });
    let res: http.IncomingMessage | undefined;
    try {
      res = await new Promise<http.IncomingMessage>((resolve, reject) => {
        req.once('response', resolve);
        req.once('error', reject);
        req.end(payload);
      });
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) throw answerError(this.service, status, await readText(res));
      for await (const batch of readSseData(res)) yield batch;
    } catch (err) {
      throw opts.signal?.aborted
        ? new CodedError('cancelled', 'stopped')
        : upstreamFailure(this.service, err, timedOut);
    } finally {
      opts.signal?.removeEventListener('abort', stop);
      // Left early (or failed): drop the connection rather than return a half-read one to the pool.
      if (!res?.complete) req.destroy();
    }
  }
}
