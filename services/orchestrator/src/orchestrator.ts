import {
  createHttpApp,
  fromRoot,
  type Logger,
  listen,
  type OrchestratorConfig,
  type RunningGrpcServer,
  startGrpcServer,
} from '@pagi/kit';
import type { FastifyInstance } from 'fastify';
import { ActivityFeed } from './activity/activity-feed.ts';
import { registerPlatformRoutes } from './api/platform-routes.ts';
import { ChatEngine } from './chat/chat-engine.ts';
import { registerChatRoutes } from './chat/chat-routes.ts';
import { TurnStore } from './conversations/turn-store.ts';
import { MemoryClient } from './deps/memory-client.ts';
import { ToolsClient } from './deps/tools-client.ts';
import { adminService } from './grpc/admin-service.ts';
import { orchestratorService } from './grpc/orchestrator-service.ts';
import { ActionExecutor } from './hitl/action-executor.ts';
import { AuditLog } from './hitl/audit.ts';
import { PendingActionStore } from './hitl/pending-actions.ts';
import { createLlmClient, type LlmClient } from './llm/client.ts';
import { chatMetrics } from './metrics/chat-metrics.ts';
import { Planner } from './planner/planner.ts';
import { PromptStore } from './prompts/prompt-store.ts';
import { openStateDb } from './state/db.ts';
import { TranscriptSummarizer } from './transcript/summarizer.ts';

/** A part mounted on the HTTP app next to the core routes (the knowledge APIs). */
export interface HttpExtension {
  registerRoutes(app: FastifyInstance): void;
  close(): Promise<void>;
}

export interface RunningOrchestrator {
  httpPort: number;
  grpcPort: number;
  adminPort: number;
  app: FastifyInstance;
  llm: LlmClient | null;
  /** Stops accepting work, lets in-flight requests finish, then closes the state database. */
  close(): Promise<void>;
}

/** Wires state, planner, dependencies and the three servers (HTTP, public gRPC, admin gRPC). */
export async function startOrchestrator(
  config: OrchestratorConfig,
  logger: Logger,
  opts: { extensions?: (llm: LlmClient | null, activity: ActivityFeed) => Promise<HttpExtension[]> } = {},
): Promise<RunningOrchestrator> {
  const db = openStateDb(config.STATE_DIR);
  const llm = createLlmClient(config);
  const metrics = chatMetrics();
  const prompts = new PromptStore(db, fromRoot(config.SYSTEM_PROMPT_FILE));
  const turns = new TurnStore(db);
  const actions = new PendingActionStore(db, { ttlSeconds: config.HITL_TTL_SECONDS });
  const audit = new AuditLog(db);
  const activity = new ActivityFeed();
  const memory = new MemoryClient(config.MEMORY_GRPC_ADDR);
  const tools = new ToolsClient(config.TOOLS_GRPC_ADDR);
  const planner = new Planner({ llm, logger, timeoutMs: config.LLM_TIMEOUT_MS });
  const summarizer = new TranscriptSummarizer({ llm, logger, timeoutMs: config.LLM_TIMEOUT_MS });
  const executor = new ActionExecutor({ memory, tools, metrics });
  const engine = new ChatEngine({
    config,
    logger,
    planner,
    prompts,
    turns,
    actions,
    audit,
    activity,
    executor,
    tools,
    metrics,
  });

  logger.info(
    { provider: planner.provider, model: planner.model, prompt_version: prompts.current().version },
    llm ? 'planning with the LLM endpoint' : 'planning with the offline mock planner',
  );
  if (config.BYPASS_HITL_TOOL_EXEC) logger.warn('BYPASS_HITL_TOOL_EXEC=true: tools run WITHOUT human approval');
  if (config.BYPASS_HITL_MEMORY) logger.warn('BYPASS_HITL_MEMORY=true: memory is searched WITHOUT human approval');
  activity.publish('system', `Orchestrator started (planner: ${planner.provider})`);

  const extensions = opts.extensions ? await opts.extensions(llm, activity) : [];
  const app = createHttpApp({
    service: 'orchestrator',
    logger,
    health: () => ({ planner: planner.provider, pending_actions: actions.countPending() }),
    // Over-long path parameters then reach the route's own validation and get the shared 400 shape.
    fastify: { routerOptions: { maxParamLength: 1024 } },
  });
  registerChatRoutes(app, { engine, actions, turns, audit, maxMessageBytes: config.CHAT_MAX_MESSAGE_BYTES, logger });
  registerPlatformRoutes(app, { config, planner, memory, turns, activity, summarizer });
  for (const ext of extensions) ext.registerRoutes(app);

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
        services: [orchestratorService({ summarizer })],
      }),
    );
    grpcServers.push(
      await startGrpcServer({
        name: 'orchestrator-admin',
        host: config.BIND_HOST,
        port: config.ORCHESTRATOR_ADMIN_GRPC_PORT,
        logger,
        protos: ['orchestrator'],
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
    for (const ext of extensions) await ext.close();
    db.close();
    throw err;
  }

  return {
    httpPort,
    grpcPort: grpcServers[0]!.port,
    adminPort: grpcServers[1]!.port,
    app,
    llm,
    close: async () => {
      await app.close();
      await Promise.all(grpcServers.map((s) => s.close()));
      for (const ext of extensions) await ext.close();
      memory.close();
      tools.close();
      db.close();
    },
  };
}
