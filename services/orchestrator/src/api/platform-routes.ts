import { identityOf } from '@pagi/auth';
import {
  CodedError,
  MemoryQueryRequest,
  type MemoryQueryResponse,
  type PlatformStatus,
  parseWith,
  SummarizeRequest,
} from '@pagi/contracts';
import type { MemoryClient, OrchestratorConfig } from '@pagi/runtime';
import { openSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ActivityFeed } from '../activity/activity-feed.ts';
import type { SessionOwners } from '../conversations/session-owners.ts';
import type { MemorySharing } from '../exchange/memory-sharing.ts';
import { searchFleet } from '../memory/fleet-search.ts';
import { searchMemory } from '../memory/memory-search.ts';
import { MESH_OFF_HINT } from '../mesh/fleet-routes.ts';
import type { Planner } from '../planner/planner.ts';
import type { TranscriptSummarizer } from '../transcript/summarizer.ts';

const ActivityQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
const DEFAULT_TOP_K = 10;

/** The /api/* routes the UI uses besides chat and its sessions: status, activity, memory search, transcript summaries. */
export function registerPlatformRoutes(
  app: FastifyInstance,
  deps: {
    config: Pick<
      OrchestratorConfig,
      | 'BYPASS_HITL_TOOL_EXEC'
      | 'BYPASS_HITL_MEMORY'
      | 'OPENROUTER_API_KEY'
      | 'KNOWLEDGE_NAMESPACE'
      | 'MEMORY_MIN_SCORE'
      | 'MESH_FLEET_SEARCH_DEADLINE_MS'
    >;
    planner: Planner;
    memory: MemoryClient;
    activity: ActivityFeed;
    owners: SessionOwners;
    summarizer: TranscriptSummarizer;
    /** The Memory Exchange, when the mesh runs: fleet-wide searches ask the peers through it. */
    sharing?: MemorySharing | null;
  },
): void {
  const { config, planner, memory, activity, owners, summarizer } = deps;
  // The feed shows the node's own events to everyone, and chat events only to the person whose session they are in.
  const visibleTo = (userId: string) => (e: { session_id?: string }) =>
    e.session_id === undefined || owners.owns(e.session_id, userId);

  app.get('/api/status', async (): Promise<PlatformStatus> => {
    let mem: PlatformStatus['memory'];
    try {
      const h = await memory.health();
      mem = {
        reachable: true,
        store_backend: h.store_backend,
        embedder: h.embedder,
        embedding_model: h.embedding_model,
        detail: h.detail || h.status,
      };
    } catch (err) {
      mem = {
        reachable: false,
        store_backend: 'unknown',
        embedder: 'unknown',
        embedding_model: 'unknown',
        detail: (err as Error).message,
      };
    }
    return {
      llm: { provider: planner.provider, model: planner.model, configured: Boolean(config.OPENROUTER_API_KEY) },
      memory: mem,
      hitl_bypass: { tools: config.BYPASS_HITL_TOOL_EXEC, memory: config.BYPASS_HITL_MEMORY },
    };
  });

  app.get('/api/activity', async (req) => {
    const { limit } = parseWith(ActivityQuery, req.query);
    const visible = visibleTo(identityOf(req).user_id);
    // Read further back than `limit` so others' events do not crowd the caller's out.
    return { events: activity.recent(200).filter(visible).slice(0, limit) };
  });

  app.get('/api/activity/stream', async (req, reply) => {
    const visible = visibleTo(identityOf(req).user_id);
    const sse = openSse(reply, { subscription: true });
    const unsubscribe = activity.subscribe((event) => {
      if (visible(event)) sse.send(event);
    });
    reply.raw.on('close', unsubscribe);
  });

  app.post('/api/memory/query', async (req): Promise<MemoryQueryResponse> => {
    const body = parseWith(MemoryQueryRequest, req.body);
    const q = {
      query: body.query,
      namespace: body.namespace ?? config.KNOWLEDGE_NAMESPACE,
      top_k: body.top_k ?? DEFAULT_TOP_K,
      domains: body.domains ?? [],
    };
    if (body.scope === 'fleet') {
      if (!deps.sharing) throw new CodedError('failed_precondition', MESH_OFF_HINT);
      const deadline = body.deadline_ms ?? config.MESH_FLEET_SEARCH_DEADLINE_MS;
      return searchFleet(memory, deps.sharing, q, body.min_score ?? config.MEMORY_MIN_SCORE, deadline);
    }
    const found = await searchMemory(memory, q, body.min_score ?? config.MEMORY_MIN_SCORE);
    return { results: found.hits, total: found.total, domain_attribution: found.domain_attribution };
  });

  app.post('/api/transcript/summarize', async (req) => {
    const { transcript_text } = parseWith(SummarizeRequest, req.body);
    return summarizer.summarize(transcript_text);
  });
}
