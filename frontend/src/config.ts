// Where the app finds the gateway. Empty values mean "same origin" (the dev server proxies to the gateway).
const env = import.meta.env;

const trimSlash = (s: string) => s.replace(/\/+$/, '');

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isFinite(n) && n >= 100 ? Math.floor(n) : fallback;
}

const pollRaw =
  env.VITE_INGEST_POLL_INTERVAL_MS ||
  (typeof __INGEST_POLL_INTERVAL_MS__ === 'string' ? __INGEST_POLL_INTERVAL_MS__ : '');

export const config = {
  /** Base of every HTTP call ('' = same origin). */
  gatewayUrl: trimSlash(env.VITE_GATEWAY_URL ?? ''),
  /** Base of the chat WebSocket; the user id is appended. */
  wsUrl: trimSlash(env.VITE_WS_URL ?? ''),
  /** Telemetry SSE stream. */
  sseUrl: trimSlash(env.VITE_SSE_URL ?? ''),
  ingestPollIntervalMs: positiveInt(pollRaw, 2000),
  twinId: 'twin-default',
};

/** Absolute or same-origin URL of a gateway path. */
export function gatewayPath(path: string): string {
  return `${config.gatewayUrl}${path}`;
}

/** ws(s)://…/ws/chat/<user> — from VITE_WS_URL, else derived from the page's own origin. */
export function chatSocketUrl(userId: string): string {
  if (config.wsUrl) return `${config.wsUrl}/${encodeURIComponent(userId)}`;
  const base = config.gatewayUrl || window.location.origin;
  const url = new URL('/ws/chat/', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${url.toString()}${encodeURIComponent(userId)}`;
}

export function telemetryStreamUrl(): string {
  return config.sseUrl || gatewayPath('/v1/telemetry/stream');
}
