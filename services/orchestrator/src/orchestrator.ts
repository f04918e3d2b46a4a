import { authFromConfig, installGuard } from '@pagi/auth';
import { startKnowledge } from '@pagi/knowledge';
import { createLlmClient, type LlmClient } from '@pagi/llm';
import {
  createHttpApp,
  fromRoot,
  type Logger,
  listen,
  MemoryClient,
  type OrchestratorConfig,
  type RunningGrpcServer,
  resolveServiceToken,
  startGrpcServer,
} from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { ActivityFeed } from './activity/activity-feed.ts';
import { announceChatEvents } from './activity/chat-activity.ts';
import { announceIngestion } from './activity/ingestion-activity.ts';
import { registerAgentRoutes } from './agents/agent-routes.ts';
import { startAgents } from './agents/start-agents.ts';
import { registerKnowledgeSourceRoute } from './api/knowledge-source-route.ts';
import { registerPlatformRoutes } from './api/platform-routes.ts';
import { registerSessionRoutes } from './api/session-routes.ts';
import { orchestratorAccess } from './auth/route-access.ts';
import { ChatEngine } from './chat/chat-engine.ts';
import { ChatEvents } from './chat/chat-events.ts';
import { registerChatRoutes } from './chat/chat-routes.ts';
import { SessionCatalog } from './conversations/session-catalog.ts';
import { SessionOwners } from './conversations/session-owners.ts';
import { recordTurns, TurnStore } from './conversations/turn-store.ts';
import { BuildClient } from './deps/build-client.ts';
import { ToolsClient } from './deps/tools-client.ts';
import { registerExchangeRoutes } from './exchange/exchange-routes.ts';
import { MemorySharing } from './exchange/memory-sharing.ts';
import { registerSharingRoutes } from './exchange/sharing-routes.ts';
import { adminService } from './grpc/admin-service.ts';
import { orchestratorService } from './grpc/orchestrator-service.ts';
import { ActionExecutor } from './hitl/action-executor.ts';
import { AuditLog } from './hitl/audit.ts';
import { auditChatEvents } from './hitl/audit-trail.ts';
import { PendingActionStore } from './hitl/pending-actions.ts';
import { ApprovedRecovery } from './hitl/recovery.ts';
import { orchestratorAppliers } from './mesh/appliers.ts';
import { registerConsensusRoutes } from './mesh/consensus-routes.ts';
import { registerFleetRoutes } from './mesh/fleet-routes.ts';
import { startMesh } from './mesh/start-mesh.ts';
import { chatMetrics, countChatEvents } from './metrics/chat-metrics.ts';
import { Planner } from './planner/planner.ts';
import { PromptStore } from './prompts/prompt-store.ts';
import { openStateDb } from './state/db.ts';
import { TranscriptSummarizer } from './transcript/summarizer.ts';

export interface RunningOrchestrator {
  httpPort: number;
  grpcPort: number;
  adminPort: number;
  app: FastifyInstance;
  llm: LlmClient | null;
  /** Settles actions approved before the last restart (in the background). */
  recovery: ApprovedRecovery;
  /** Stops accepting work, lets in-flight requests finish, then closes the state database. */
  close(): Promise<void>;
}

export interface OrchestratorOptions {
  /** Mount the knowledge base (ingestion, atlas); the service does, most tests do not need it. */
  knowledge?: boolean;
  /** The clock approvals expire by (tests move it instead of waiting). */
  now?: () => number;
}

/** Wires state, planner, dependencies and the three servers (HTTP, public gRPC, admin gRPC). */
export async function startOrchestrator(
  config: OrchestratorConfig,
  logger: Logger,
  opts: OrchestratorOptions = {},
): Promise<RunningOrchestrator> {
  const serviceToken = resolveServiceToken(config);
  const db = openStateDb(config.STATE_DIR);
  const llm = createLlmClient(config);
  const prompts = new PromptStore(db, fromRoot(config.SYSTEM_PROMPT_FILE));
  const turns = new TurnStore(db);
  const owners = new SessionOwners(db);
  const actions = new PendingActionStore(db, { ttlSeconds: config.HITL_TTL_SECONDS, now: opts.now });
  const audit = new AuditLog(db);
  const activity = new ActivityFeed();
  // One memory client for the whole process: chat, the memory search API and the knowledge base share it.
  const memory = new MemoryClient(config.MEMORY_GRPC_ADDR, serviceToken);
  const tools = new ToolsClient(config.TOOLS_GRPC_ADDR, serviceToken);
  const planner = new Planner({ llm, logger, timeoutMs: config.LLM_TIMEOUT_MS });
  const summarizer = new TranscriptSummarizer({ llm, logger, timeoutMs: config.LLM_TIMEOUT_MS });
  const events = new ChatEvents();
  recordTurns(events, turns);
  auditChatEvents(events, audit);
  announceChatEvents(events, activity);
  countChatEvents(events, chatMetrics());
  // Set once the mesh runs (below): searches approved with the fleet in scope ask the peers through it.
  let sharingNow: MemorySharing | null = null;
  const executor = new ActionExecutor({
    memory,
    tools,
    minScore: config.MEMORY_MIN_SCORE,
    fleet: () => sharingNow,
    fleetDeadlineMs: config.MESH_FLEET_SEARCH_DEADLINE_MS,
  });
  const engine = new ChatEngine({ config, logger, planner, prompts, turns, actions, executor, tools, events });
  const agents = startAgents({
    config,
    logger,
    db,
    llm,
    actions,
    executor,
    tools,
    events,
    owners,
    activity,
    now: opts.now ?? Date.now,
  });
  const recovery = new ApprovedRecovery({ actions, tools, engine, logger, agents: agents.runs });

  logger.info(
    { provider: planner.provider, model: planner.model, prompt_version: prompts.current().version },
    llm ? 'planning with the LLM endpoint' : 'planning with the offline mock planner',
  );
  if (config.BYPASS_HITL_TOOL_EXEC) logger.warn('BYPASS_HITL_TOOL_EXEC=true: tools run WITHOUT human approval');
  if (config.BYPASS_HITL_MEMORY) logger.warn('BYPASS_HITL_MEMORY=true: memory is searched WITHOUT human approval');
  activity.publish('system', `Orchestrator started (planner: ${planner.provider})`);

  const knowledge = opts.knowledge ? await startKnowledge({ config, logger, llm, memory }) : null;
  if (knowledge) announceIngestion(knowledge, activity);
  const build = new BuildClient(config.BUILD_GRPC_ADDR, serviceToken);
  // A tool the fleet agreed to install is compiled here; the outcome goes to the log and the activity feed.
  const compileTool = (name: string, source: string) =>
    void build.createTool(name, source).then(
      (res) => {
        logger.info({ tool: name, exit_code: res.exit_code }, 'tool from the fleet compiled');
        activity.publish(
          'system',
          `Tool ${name} from the fleet ${res.exit_code === 0 ? 'installed' : 'did not compile'}`,
        );
      },
      (err: Error) => logger.warn({ tool: name, err: err.message }, 'tool from the fleet not compiled'),
    );
  const mesh = await startMesh(
    config,
    logger,
    {
      memoryCount: async () => (await memory.health()).collections.reduce((n, c) => n + c.count, 0),
      ingestionQueue: () => knowledge?.waiting() ?? 0,
      pendingApprovals: () => actions.countPending(),
    },
    orchestratorAppliers(config, prompts, compileTool),
  ).catch(async (err: unknown) => {
    await knowledge?.close();
    await agents.close();
    build.close();
    throw err;
  });
  // Templates the fleet agreed on are reloaded when one is applied.
  mesh?.consensus?.on('event', (e) => {
    if (e.type === 'applied') agents.templates.load();
  });
  const sharing = mesh?.exchange
    ? new MemorySharing({ db, memory, mesh, namespace: config.KNOWLEDGE_NAMESPACE, minScore: config.MEMORY_MIN_SCORE })
    : null;
  sharingNow = sharing;
  const app = createHttpApp({
    service: 'orchestrator',
    logger,
    health: () => ({ planner: planner.provider, pending_actions: actions.countPending() }),
    // Over-long path parameters then reach the route's own validation and get the shared 400 shape.
    fastify: { routerOptions: { maxParamLength: 1024 } },
  });
  // Callers are the gateway (vouching for a person with a signed identity) or scripts with an API key.
  const node = authFromConfig(config, serviceToken, logger);
  app.addHook('onClose', async () => node.auth?.close());
  await installGuard(app, { mode: node.mode, auth: node.auth, signer: node.signer, access: orchestratorAccess });
  registerChatRoutes(app, {
    engine,
    actions,
    turns,
    owners,
    audit,
    maxMessageBytes: config.CHAT_MAX_MESSAGE_BYTES,
    logger,
    agents: agents.runs,
  });
  registerPlatformRoutes(app, { config, planner, memory, activity, owners, summarizer, sharing });
  registerSessionRoutes(app, { catalog: new SessionCatalog(db), audit });
  // Served with or without the mounted knowledge base: it reads the memory service only.
  registerKnowledgeSourceRoute(app, { config, memory });
  knowledge?.registerRoutes(app);
  registerFleetRoutes(app, mesh);
  registerConsensusRoutes(app, mesh, config.MESH_CONSENSUS_DEADLINE_S);
  registerExchangeRoutes(app);
  registerSharingRoutes(app, sharing);
  registerAgentRoutes(app, agents);

  const grpcServers: RunningGrpcServer[] = [];
  let httpPort: number;
  try {
    grpcServers.push(
      await startGrpcServer({
        name: 'orchestrator',
        host: config.BIND_HOST,
        port: config.ORCHESTRATOR_GRPC_PORT,
        logger,
        protos: ['orchestrator'],
        token: serviceToken,
        services: [
          orchestratorService({ summarizer, mesh, proposalDeadlineS: config.MESH_CONSENSUS_DEADLINE_S, agents }),
        ],
      }),
    );
    grpcServers.push(
      await startGrpcServer({
        name: 'orchestrator-admin',
        host: config.BIND_HOST,
        port: config.ORCHESTRATOR_ADMIN_GRPC_PORT,
        logger,
        protos: ['orchestrator'],
        token: serviceToken,
        services: [
          adminService({
            planner,
            prompts,
            actions,
            audit,
            probes: [
              { name: 'memory', check: () => memory.health() },
              { name: 'tools', check: () => tools.health() },
            ],
          }),
        ],
      }),
    );
    httpPort = await listen(app, config.BIND_HOST, config.ORCHESTRATOR_HTTP_PORT);
  } catch (err) {
    await Promise.all(grpcServers.map((s) => s.close(0)));
    await app.close();
    await mesh?.stop();
    await knowledge?.close();
    memory.close();
    tools.close();
    build.close();
    await agents.close();
    db.close();
    throw err;
  }

  recovery.start();
  agents.start();
  return {
    recovery,
    httpPort,
    grpcPort: grpcServers[0]!.port,
    adminPort: grpcServers[1]!.port,
    app,
    llm,
    close: async () => {
      recovery.close();
      await agents.close();
      await app.close();
      await Promise.all(grpcServers.map((s) => s.close()));
      await mesh?.stop();
      await knowledge?.close();
      memory.close();
      tools.close();
      build.close();
      db.close();
    },
  };
}
