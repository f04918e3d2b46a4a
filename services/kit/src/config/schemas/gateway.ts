import { z } from 'zod';
import { common, int, port, str, url } from '../fields.ts';

export const gatewayConfigSchema = z.object({
  ...common,
  GATEWAY_PORT: port(8181),
  ORCHESTRATOR_URL: url('http://127.0.0.1:8182'),
  TELEMETRY_URL: url('http://127.0.0.1:8183'),
  MEMORY_GRPC_ADDR: url('http://127.0.0.1:50052'),
  TOOLS_GRPC_ADDR: url('http://127.0.0.1:50054'),
  BUILD_GRPC_ADDR: url('http://127.0.0.1:50055'),
  /** Comma-separated origins allowed by CORS. */
  CORS_ORIGIN: str('http://localhost:3000,http://127.0.0.1:3000'),
  WS_MAX_FRAME_BYTES: int(65_536, 1024),
  MEDIA_MAX_BYTES: int(104_857_600, 1),
  UPSTREAM_TIMEOUT_MS: int(30_000, 100),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
