import { type ClientFrame, ServerFrame } from '@pagi/contracts';

export type SocketState = 'connecting' | 'open' | 'offline';

export interface ChatSocketHandlers {
  onFrame: (frame: ServerFrame) => void;
  onState: (state: SocketState) => void;
  /** Called after every successful (re)connection, e.g. to resume the current session. */
  onOpen?: (reconnected: boolean) => void;
}

export interface ChatSocket {
  send: (frame: ClientFrame) => boolean;
  close: () => void;
}

const PING_EVERY_MS = 15_000;
const MAX_BACKOFF_MS = 5_000;

/** The gateway chat WebSocket with automatic reconnection (exponential backoff) and keep-alive pings. */
export function openChatSocket(url: string, handlers: ChatSocketHandlers): ChatSocket {
  let ws: WebSocket | undefined;
  let attempt = 0;
  let everOpened = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;

  const connect = () => {
    if (closed) return;
    handlers.onState(everOpened ? 'offline' : 'connecting');
    const socket = new WebSocket(url);
    ws = socket;
    socket.onopen = () => {
      attempt = 0;
      const reconnected = everOpened;
      everOpened = true;
      handlers.onState('open');
      ping = setInterval(() => send({ type: 'ping', ts: Date.now() }), PING_EVERY_MS);
      handlers.onOpen?.(reconnected);
    };
    socket.onmessage = (msg) => {
      if (typeof msg.data !== 'string') return;
      let raw: unknown;
      try {
        raw = JSON.parse(msg.data);
      } catch {
        return;
      }
      const parsed = ServerFrame.safeParse(raw);
      if (parsed.success) handlers.onFrame(parsed.data);
    };
    socket.onclose = () => {
      if (ping) clearInterval(ping);
      ping = undefined;
      if (closed) return;
      handlers.onState('offline');
      const delay = Math.min(MAX_BACKOFF_MS, 400 * 2 ** attempt);
      attempt += 1;
      retry = setTimeout(connect, delay);
    };
  };

  const send = (frame: ClientFrame): boolean => {
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(frame));
    return true;
  };

  connect();
  return {
    send,
    close: () => {
      closed = true;
      if (retry) clearTimeout(retry);
      if (ping) clearInterval(ping);
      ws?.close();
    },
  };
}
