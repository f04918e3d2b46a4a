// A real WebSocket client for tests: it records every JSON frame and wakes on each one, so a test waits exactly
// until the frame (or condition) it expects arrives.
import { once } from 'node:events';
import WebSocket from 'ws';

export type Frame = Record<string, unknown> & { type: string };

export class FrameClient {
  readonly socket: WebSocket;
  readonly frames: Frame[] = [];
  /** WebSocket pings received from the server (heartbeats). */
  pings = 0;
  closed: { code: number; reason: string } | undefined;
  private waiters: (() => void)[] = [];

  constructor(url: string, opts: WebSocket.ClientOptions = {}) {
    this.socket = new WebSocket(url, opts);
    this.socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()));
      this.wake();
    });
    this.socket.on('ping', () => {
      this.pings++;
      this.wake();
    });
    this.socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    this.socket.on('error', () => {});
  }

  static async open(url: string, opts?: WebSocket.ClientOptions): Promise<FrameClient> {
    const client = new FrameClient(url, opts);
    await once(client.socket, 'open');
    return client;
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first recorded frame matching, waiting up to timeoutMs for it. */
  async next<T = Frame>(match: (f: Frame) => boolean, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found as T;
      if (this.closed || Date.now() > deadline) {
        const why = this.closed ? `socket closed (${this.closed.code})` : `no matching frame within ${timeoutMs} ms`;
        throw new Error(`${why}; got ${JSON.stringify(this.frames).slice(0, 800)}`);
      }
      await this.wait(deadline - Date.now());
    }
  }

  /** Waits until `condition` (over what was received so far) holds. */
  async until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (this.closed || Date.now() > deadline) {
        throw new Error(
          `condition not met (${this.closed ? 'socket closed' : `${timeoutMs} ms`}); got ${JSON.stringify(this.frames).slice(0, 800)}`,
        );
      }
      await this.wait(deadline - Date.now());
    }
  }

  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await this.wait(deadline - Date.now());
    }
    return this.closed;
  }

  async close(): Promise<void> {
    if (this.closed || this.socket.readyState === WebSocket.CLOSED) return;
    const closed = once(this.socket, 'close');
    this.socket.close();
    await closed;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(ms, 1));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export const ofType = (type: string) => (f: Frame) => f.type === type;

export const isFinalResponse = (f: Frame) => f.type === 'response' && f.done === true;

/** Opens a WebSocket on an http(s) base URL (converted to ws(s)). */
export const WsClient = {
  open: (base: string, path: string, opts?: WebSocket.ClientOptions) =>
    FrameClient.open(base.replace(/^http/, 'ws') + path, opts),
};
