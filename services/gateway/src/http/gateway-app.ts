import path from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import websocket from '@fastify/websocket';
import {
  authFromConfig,
  identityOf,
  installGuard,
  type NodeAuth,
  registerAuthRoutes,
  registerOidcRoutes,
  stillSignedIn,
} from '@pagi/auth';
import { CodedError } from '@pagi/contracts';
import { contextFromHeaders, createHttpApp, fromRoot, type GatewayConfig, gauge, type Logger } from '@pagi/runtime';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { gatewayAccess } from '../auth/route-access.ts';
import { handleChatSocket } from '../chat/chat-socket.ts';
import { SessionHub } from '../chat/session-hub.ts';
import { TurnRunner } from '../chat/turn-runner.ts';
import { checkServices } from '../health/services-health.ts';
import { registerDocumentUploadProxy } from '../knowledge/document-upload-proxy.ts';
import { registerUploadProxy } from '../media/upload-proxy.ts';
import { registerServiceProxies } from '../proxy/service-proxies.ts';
import { Rooms } from '../signaling/rooms.ts';
import { handleSignalingSocket } from '../signaling/signaling-socket.ts';
import { registerTelemetryStreamProxy } from '../telemetry/telemetry-stream-proxy.ts';
import { HttpUpstream } from '../upstream/http-upstream.ts';
import { startHeartbeat, trackHeartbeat } from '../ws/heartbeat.ts';

/** How long in-flight HTTP requests get to finish at shutdown before remaining connections are closed. */
const SHUTDOWN_GRACE_MS = 2000;

const HEALTH_TIMEOUT_MS = 2000;

/**
 * The browser's single entry: health, the chat and signaling WebSockets, the telemetry stream, media and document
 * uploads and
 * the proxies to the orchestrator and telemetry, behind CORS, security headers and body limits.
 */
export async function buildGatewayApp(
  config: GatewayConfig,
  logger: Logger,
  serviceToken: string,
): Promise<FastifyInstance> {
  const app = createHttpApp({
    service: 'gateway',
    logger,
    bodyLimit: config.GATEWAY_BODY_LIMIT,
    healthPath: '/api/health',
    fastify: { trustProxy: trustedProxies(config.GATEWAY_TRUSTED_PROXIES) },
  });
  // Every route below is checked by the guard: who is calling, and whether their role may do it.
  const node: NodeAuth = authFromConfig(config, serviceToken, logger);
  app.addHook('onClose', async () => node.auth?.close());
  await installGuard(app, { mode: node.mode, auth: node.auth, access: gatewayAccess });
  const oidc =
    node.auth && config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET
      ? {
          issuer: config.OIDC_ISSUER,
          clientId: config.OIDC_CLIENT_ID,
          clientSecret: config.OIDC_CLIENT_SECRET,
          redirectUrl: config.OIDC_REDIRECT_URL,
        }
      : undefined;
  if (oidc && node.auth) registerOidcRoutes(app, oidc, node.auth, config.AUTH_COOKIE_SECURE);
  registerAuthRoutes(app, {
    auth: node.auth,
    mode: node.mode,
    secureCookie: config.AUTH_COOKIE_SECURE,
    oidc: Boolean(oidc),
  });
  app.get('/health', async () => ({ service: 'gateway', status: 'ok' }));

  const origins = config.CORS_ORIGIN.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  await app.register(cors, {
    origin: origins.includes('*') ? true : origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
  // Media is played by <video>/<audio> from the UI's origin, which may differ from the gateway's.
  await app.register(helmet, { crossOriginResourcePolicy: { policy: 'cross-origin' } });

  app.get('/api/health/services', async () =>
    checkServices({
      timeoutMs: HEALTH_TIMEOUT_MS,
      http: [
        { name: 'orchestrator', url: config.ORCHESTRATOR_URL },
        { name: 'telemetry', url: config.TELEMETRY_URL },
      ],
      grpc: [
        { name: 'memory', address: config.MEMORY_GRPC_ADDR },
        { name: 'tools', address: config.TOOLS_GRPC_ADDR },
        { name: 'build', address: config.BUILD_GRPC_ADDR },
      ],
      supervisorState: path.join(fromRoot(config.DATA_DIR), 'run', 'supervisor.json'),
    }),
  );

  await registerSockets(app, config, logger, origins, node);
  registerTelemetryStreamProxy(app, {
    telemetryUrl: config.TELEMETRY_URL,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    logger,
  });
  registerUploadProxy(app, {
    telemetryUrl: config.TELEMETRY_URL,
    maxBytes: config.MEDIA_MAX_BYTES,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    logger,
    signer: node.signer,
  });
  registerDocumentUploadProxy(app, {
    orchestratorUrl: config.ORCHESTRATOR_URL,
    maxBytes: config.INGEST_MAX_FILE_BYTES,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    signer: node.signer,
  });
  await registerServiceProxies(app, {
    orchestratorUrl: config.ORCHESTRATOR_URL,
    telemetryUrl: config.TELEMETRY_URL,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    bodyLimit: config.GATEWAY_BODY_LIMIT,
    signer: node.signer,
  });
  return app;
}

async function registerSockets(
  app: FastifyInstance,
  config: GatewayConfig,
  logger: Logger,
  origins: string[],
  { signer, auth }: NodeAuth,
): Promise<void> {
  // maxPayload makes ws close an oversize frame's connection with 1009 before the frame is buffered whole.
  await app.register(websocket, {
    options: { maxPayload: config.WS_MAX_FRAME_BYTES },
    // A frame over the limit or a broken frame is the client's doing (ws names those WS_ERR_*): a warning, and the
    // socket goes (ws has already sent 1009 or 1002); anything else is ours.
    errorHandler: (error, socket, req) => {
      const clientFault = (error as { code?: string }).code?.startsWith('WS_ERR_');
      if (clientFault) req.log.warn({ reason: error.message }, 'WebSocket closed for a bad frame');
      else req.log.error({ err: error }, 'WebSocket failed');
      socket.terminate();
    },
  });
  const connections = gauge('gateway_ws_connections', 'Open WebSocket connections', ['kind']);
  const stopHeartbeat = startHeartbeat(app.websocketServer, config.WS_HEARTBEAT_MS);
  app.addHook('preClose', async () => {
    stopHeartbeat();
    for (const socket of app.websocketServer.clients) socket.close(1001, 'gateway shutting down');
    // Proxied event streams (activity, ingestion) never end by themselves: after a short grace for ordinary
    // requests, cut what is still open so shutdown does not wait on idle listeners.
    setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  });

  const admit = (socket: WebSocket, kind: 'chat' | 'signaling'): boolean => {
    if (app.websocketServer.clients.size > config.WS_MAX_CONNECTIONS) {
      socket.close(1013, 'too many connections');
      return false;
    }
    trackHeartbeat(socket);
    connections.inc({ kind });
    socket.once('close', () => connections.dec({ kind }));
    return true;
  };

  const orchestrator = new HttpUpstream('orchestrator', config.ORCHESTRATOR_URL, config.UPSTREAM_TIMEOUT_MS);
  const hub = new SessionHub(config.WS_RESULT_TTL_MS);
  const chat = {
    hub,
    runner: new TurnRunner(orchestrator, hub, logger),
    orchestrator,
    signer,
    logger,
    ratePerSec: config.WS_RATE_LIMIT_PER_SEC,
    rateBurst: config.WS_RATE_LIMIT_BURST,
  };
  const signaling = {
    rooms: new Rooms(config.SIGNALING_MAX_PEERS),
    logger,
    ratePerSec: config.WS_RATE_LIMIT_PER_SEC,
    rateBurst: config.WS_RATE_LIMIT_BURST,
  };

  // Browsers apply no CORS to WebSockets, so a page from any website could open one to a gateway it can reach.
  // Upgrades are accepted from the UI origins (CORS_ORIGIN), from pages on this machine (a dev server on any
  // port), and from clients that send no Origin (tools, services); other origins are refused.
  const checkOrigin = async (req: FastifyRequest) => {
    const origin = req.headers.origin;
    if (!origin || origins.includes('*') || origins.includes(origin) || isLoopbackOrigin(origin)) return;
    throw new CodedError('forbidden_origin', `origin ${origin} is not allowed`);
  };

  app.get<{ Params: { user_id: string } }>(
    '/ws/chat/:user_id',
    { websocket: true, preValidation: checkOrigin },
    (socket, req) => {
      if (admit(socket, 'chat')) {
        const trace = contextFromHeaders(req.headers);
        handleChatSocket(socket, req.params.user_id, identityOf(req), chat, trace, stillSignedIn(req, auth));
      }
    },
  );
  app.get<{ Params: { room_id: string } }>(
    '/ws/signaling/:room_id',
    { websocket: true, preValidation: checkOrigin },
    (socket, req) => {
      if (admit(socket, 'signaling')) handleSignalingSocket(socket, req.params.room_id, signaling);
    },
  );
}

function trustedProxies(list: string): string[] | false {
  const proxies = list
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return proxies.length > 0 ? proxies : false;
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
