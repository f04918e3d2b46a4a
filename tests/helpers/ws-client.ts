import { once } from 'node:events';
import WebSocket from 'ws';

export type Frame = Record<string, unknown> & { type: string };

/** A real WebSocket client that records every JSON frame and waits for the one a test expects. */
export class WsClient {
  readonly socket: WebSocket;
  readonly frames: Frame[] = [];

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (d) => this.frames.push(JSON.parse(d.toString())));
  }

  /** Opens `path` on an http(s) base URL (converted to ws(s)). */
  static async open(base: string, path: string): Promise<WsClient> {
    const c = new WsClient(base.replace(/^http/, 'ws') + path);
    await once(c.socket, 'open');
    return c;
  }

  send(frame: unknown) {
    this.socket.send(JSON.stringify(frame));
  }

  async next(match: (f: Frame) => boolean, timeoutMs = 15_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const f = this.frames.find(match);
      if (f) return f;
      if (Date.now() > deadline) throw new Error(`no frame; got ${JSON.stringify(this.frames).slice(0, 1500)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close() {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = once(this.socket, 'close');
    this.socket.close();
    await closed;
  }
}

export const isFinalResponse = (f: Frame) => f.type === 'response' && f.done === true;
