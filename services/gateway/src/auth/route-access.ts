import { AUTH_ROUTE_ACCESS, type RouteAccess, tableAccess } from '@pagi/auth';

/**
 * What each gateway route needs. Routes forwarded to the orchestrator only need a signed-in caller here (`read`,
 * which every role has): the orchestrator checks the route's own permission against the identity the gateway
 * signs. A route missing from this table is admin-only.
 */
export const GATEWAY_ROUTE_ACCESS: Record<string, RouteAccess> = {
  ...AUTH_ROUTE_ACCESS,
  'GET /health': 'open',
  'GET /metrics': 'open',
  'GET /api/health': 'open',
  'GET /api/health/services': 'read',
  'GET /ws/chat/:user_id': 'chat',
  'GET /ws/signaling/:room_id': 'chat',
  'GET /v1/telemetry/stream': 'read',
  'POST /api/media/upload': 'ingest',
  'POST /api/knowledge/upload': 'ingest',
  'GET /api/media': 'read',
  'GET /api/media/*': 'read',
  // The proxy also answers DELETE on the list itself; telemetry has no such route (404), and it needs the same right.
  'DELETE /api/media': 'ingest',
  'DELETE /api/media/*': 'ingest',
  '* /api': 'read',
  '* /api/': 'read',
  '* /api/*': 'read',
  '* /v1/actions': 'read',
  '* /v1/actions/': 'read',
  '* /v1/actions/*': 'read',
  'GET /api/auth/oidc/login': 'open',
  'GET /api/auth/oidc/callback': 'open',
};

export const gatewayAccess = tableAccess(GATEWAY_ROUTE_ACCESS);
