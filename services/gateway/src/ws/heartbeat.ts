import type { WebSocket, WebSocketServer } from 'ws';

const alive = new WeakMap<WebSocket, boolean>();

/** Marks a socket alive whenever it answers a ping. */
export function trackHeartbeat(socket: WebSocket): void {
  alive.set(socket, true);
  socket.on('pong', () => alive.set(socket, true));
}

/**
 * Pings every socket each interval; one that has not answered the previous ping is terminated (a browser that
 * vanished without a close frame, a dead NAT mapping). Returns a stop function.
 */
export function startHeartbeat(server: WebSocketServer, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
