import { type RouteAccess, tableAccess } from '@pagi/auth';

/**
 * Media belongs to the account that recorded it. The host-metrics stream is the node's, not a person's: open on this
 * internal port (loopback or the compose network), behind sign-in at the gateway.
 */
export const TELEMETRY_ROUTE_ACCESS: Record<string, RouteAccess> = {
  'GET /health': 'open',
  'GET /metrics': 'open',
  'GET /v1/telemetry/stream': 'open',
  'GET /v1/media': 'read',
  'GET /v1/media/:id': 'read',
  'DELETE /v1/media/:id': 'ingest',
  'POST /v1/media/upload': 'ingest',
};

export const telemetryAccess = tableAccess(TELEMETRY_ROUTE_ACCESS);
