import { type RouteAccess, tableAccess } from '@pagi/auth';

/**
 * What each orchestrator route needs. Requests come from the gateway (with the identity it signed) or from scripts
 * with an API key; a route missing from this table is admin-only.
 */
export const ORCHESTRATOR_ROUTE_ACCESS: Record<string, RouteAccess> = {
  'GET /health': 'open',
  'GET /metrics': 'open',
  'POST /v1/chat': 'chat',
  'POST /v1/actions/:id/approve': 'chat',
  'POST /v1/actions/:id/deny': 'chat',
  'GET /v1/actions': 'chat',
  'GET /v1/sessions/:session_id/turns': 'chat',
  'GET /api/sessions': 'chat',
  'POST /api/transcript/summarize': 'chat',
  'POST /api/memory/query': 'memory',
  'GET /api/status': 'read',
  'GET /api/activity': 'read',
  'GET /api/activity/stream': 'read',
  'POST /api/knowledge/ingest': 'ingest',
  'POST /api/knowledge/ingest/:id/retry': 'ingest',
  'POST /api/knowledge/ingest/:id/cancel': 'ingest',
  'GET /api/knowledge/ingest/status': 'read',
  'GET /api/knowledge/ingest/events': 'read',
  'GET /api/knowledge/stats': 'read',
  'GET /api/knowledge/atlas': 'read',
  'POST /api/knowledge/path': 'read',
  'GET /api/knowledge/source': 'read',
  'GET /api/phoenix/status': 'read',
  'GET /api/phoenix/fleet': 'read',
  'GET /api/phoenix/fleet/events': 'read',
  'GET /api/phoenix/fleet/:peer_id': 'read',
  'POST /api/phoenix/proposals': 'admin',
  'POST /api/phoenix/proposals/:id/vote': 'admin',
  'GET /api/phoenix/proposals': 'read',
  'GET /api/phoenix/proposals/events': 'read',
  'GET /api/phoenix/proposals/:id': 'read',
  'GET /api/phoenix/artifacts': 'read',
  'GET /api/phoenix/artifacts/:kind/:target': 'read',
  // What redaction would let leave for a text: allowed to those who may search memories, as memories are what leaves.
  'POST /api/phoenix/exchange/preview': 'memory',
  // Memory Exchange: reading is open to every role; offering, granting, approving and revoking are the owner's.
  'GET /api/agents/templates': 'read',
  'GET /api/phoenix/exchange': 'read',
  'GET /api/phoenix/exchange/events': 'read',
  'GET /api/phoenix/exchange/offers/:topic/preview': 'read',
  'GET /api/phoenix/exchange/peers/:peer/offers': 'read',
  'POST /api/phoenix/exchange/offers': 'admin',
  'DELETE /api/phoenix/exchange/offers/:topic': 'admin',
  'POST /api/phoenix/exchange/subscriptions': 'admin',
  'DELETE /api/phoenix/exchange/subscriptions/:peer/:topic': 'admin',
  'POST /api/phoenix/exchange/grants': 'admin',
  'DELETE /api/phoenix/exchange/grants/:peer/:topic': 'admin',
  'POST /api/phoenix/exchange/requests/:id/approve': 'admin',
  'POST /api/phoenix/exchange/requests/:id/deny': 'admin',
  'POST /api/phoenix/exchange/revoke': 'admin',
};

export const orchestratorAccess = tableAccess(ORCHESTRATOR_ROUTE_ACCESS);
