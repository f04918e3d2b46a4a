import { z } from 'zod';
import { auth, common, int, optionalStr, optionalUrl, port, str, url } from '../fields.ts';

export const gatewayConfigSchema = z.object({
  ...common,
  ...auth,
  GATEWAY_PORT: port(8181),
  ORCHESTRATOR_URL: url('http://127.0.0.1:8182'),
  TELEMETRY_URL: url('http://127.0.0.1:8183'),
  MEMORY_GRPC_ADDR: url('http://127.0.0.1:50052'),
  TOOLS_GRPC_ADDR: url('http://127.0.0.1:50054'),
  BUILD_GRPC_ADDR: url('http://127.0.0.1:50055'),
  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs; empty: none), so sign-in throttling
   * counts the browser's address, not the UI proxy's. The UI dev server on this machine is one.
   */
  GATEWAY_TRUSTED_PROXIES: z.preprocess((v) => (v === undefined ? '127.0.0.1,::1' : v), z.string()),
  /** Comma-separated origins allowed by CORS. */
  CORS_ORIGIN: str('http://localhost:3000,http://127.0.0.1:3000'),
  WS_MAX_FRAME_BYTES: int(65_536, 1024),
  MEDIA_MAX_BYTES: int(104_857_600, 1),
  /** Largest document uploaded into the knowledge base (the orchestrator applies the same bound). */
  INGEST_MAX_FILE_BYTES: int(10_485_760, 1),
  UPSTREAM_TIMEOUT_MS: int(30_000, 100),
  /** Largest JSON/text request body the gateway accepts or forwards (uploads have MEDIA_MAX_BYTES and INGEST_MAX_FILE_BYTES). */
  GATEWAY_BODY_LIMIT: int(1_048_576, 1024),
  /** WebSocket ping interval; a socket that has not answered the previous ping is terminated. */
  WS_HEARTBEAT_MS: int(30_000, 50),
  /** Per-connection frame rate: sustained frames per second and the burst allowed above it. */
  WS_RATE_LIMIT_PER_SEC: int(20, 1),
  WS_RATE_LIMIT_BURST: int(40, 1),
  /** Open WebSockets (chat and signaling) beyond this are refused with close code 1013. */
  WS_MAX_CONNECTIONS: int(5000, 1),
  /** How long results of a turn that finished while its session had no socket are kept for the next one. */
  WS_RESULT_TTL_MS: int(600_000, 1000),
  SIGNALING_MAX_PEERS: int(8, 2, 64),
  /** OpenID Connect single sign-on: all three set turn it on. */
  OIDC_ISSUER: optionalUrl(),
  OIDC_CLIENT_ID: optionalStr(),
  OIDC_CLIENT_SECRET: optionalStr(),
  /** Where the provider sends the browser back; default `<origin of the request>/api/auth/oidc/callback`. */
  OIDC_REDIRECT_URL: optionalUrl(),
  /** Role of an account made at its first single sign-on. */
  OIDC_DEFAULT_ROLE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['admin', 'operator', 'viewer']).default('operator'),
  ),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
