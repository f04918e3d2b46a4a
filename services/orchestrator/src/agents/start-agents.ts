import path from 'node:path';
import { PlaybookStore, TemplateRegistry } from '@pagi/agents';
import type { LlmClient } from '@pagi/llm';
import { fromRoot, type Logger, type OrchestratorConfig } from '@pagi/runtime';
import type { ActivityFeed } from '../activity/activity-feed.ts';
import type { ChatEvents } from '../chat/chat-events.ts';
import type { SessionOwners } from '../conversations/session-owners.ts';
import type { ToolsClient } from '../deps/tools-client.ts';
import type { ActionExecutor } from '../hitl/action-executor.ts';
import type { PendingActionStore } from '../hitl/pending-actions.ts';
import type { Db } from '../state/db.ts';
import { AgentPlanner } from './agent-planner.ts';
import type { AgentRouteDeps } from './agent-routes.ts';
import { AgentRuns } from './agent-runs.ts';
import { Playbooks } from './playbooks.ts';
import { ScheduleStore } from './schedule-store.ts';
import { Scheduler } from './scheduler.ts';

export interface Agents extends AgentRouteDeps {
  /** Resumes the runs a restart interrupted, and starts the scheduler. */
  start(): void;
  close(): Promise<void>;
}

/** Wires the twin's agents: templates (the shipped, the owner's, the fleet's), runs, playbooks and schedules. */
export function startAgents(deps: {
  config: OrchestratorConfig;
  logger: Logger;
  db: Db;
  llm: LlmClient | null;
  actions: PendingActionStore;
  executor: ActionExecutor;
  tools: ToolsClient;
  events: ChatEvents;
  owners: SessionOwners;
  activity: ActivityFeed;
  now: () => number;
}): Agents {
  const { config, logger, now } = deps;
  const templates = new TemplateRegistry([
    { dir: fromRoot(config.AGENTS_DIR), origin: 'config' },
    { dir: path.join(config.FLEET_DIR, 'agents'), origin: 'fleet' },
  ]);
  templates.watch();
  const runs = new AgentRuns({
    ...deps,
    templates,
    planner: new AgentPlanner({ llm: deps.llm, logger }),
    limits: {
      maxDepth: config.AGENTS_MAX_DEPTH,
      maxChildren: config.AGENTS_MAX_CHILDREN,
      autoApproveMemory: config.AGENTS_AUTO_APPROVE_MEMORY,
      namespace: config.KNOWLEDGE_NAMESPACE,
      usdPerMillionTokens: config.LLM_USD_PER_MILLION_TOKENS,
    },
  });
  const playbooks = new Playbooks(new PlaybookStore(config.PLAYBOOKS_DIR, [path.join(config.FLEET_DIR, 'playbooks')]), {
    runs,
    llm: deps.llm,
    logger,
    timeoutMs: config.LLM_TIMEOUT_MS,
  });
  const scheduler = new Scheduler({
    store: new ScheduleStore(deps.db, now),
    logger,
    now,
    pollMs: config.AGENTS_SCHEDULER_POLL_MS,
    start: (s) => {
      const who = { user_id: s.user_id, twin_id: 'twin-default' };
      return s.target.kind === 'playbook'
        ? playbooks.run(s.target.playbook, s.target.params, who, s.id)
        : runs.start({
            ...who,
            template: s.target.template,
            goal: s.target.goal,
            source: 'schedule',
            schedule_id: s.id,
          });
    },
  });
  // A scheduled run never approves itself: when it waits for a person, the activity feed says so.
  runs.loop.on('event', (e) => {
    if (e.type === 'run' && e.run.status === 'waiting_approval' && e.run.source === 'schedule') {
      deps.activity.publish(
        'approval',
        `A scheduled ${e.run.template} run waits for your approval: ${e.run.reason}`,
        e.run.session_id,
      );
    }
  });
  return {
    templates,
    runs,
    playbooks,
    scheduler,
    start() {
      const resumed = runs.resume();
      if (resumed) logger.info({ runs: resumed }, 'agent runs resumed after a restart');
      scheduler.start();
    },
    async close() {
      scheduler.close();
      await runs.close();
      templates.close();
    },
  };
}
