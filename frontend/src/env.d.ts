/// <reference types="vite/client" />

/** Injected by vite.config.ts from VITE_INGEST_POLL_INTERVAL_MS / INGEST_POLL_INTERVAL_MS. */
declare const __INGEST_POLL_INTERVAL_MS__: string;

interface ImportMetaEnv {
  readonly VITE_GATEWAY_URL?: string;
  readonly VITE_WS_URL?: string;
  readonly VITE_SSE_URL?: string;
  readonly VITE_INGEST_POLL_INTERVAL_MS?: string;
}
