import { z } from 'zod';
import { Domain } from './domains.ts';
import { Namespace, SessionId, TwinId } from './ids.ts';
import { DomainAttribution, MemoryHit } from './memory.ts';

/** POST /v1/chat (orchestrator) — one turn of conversation. */
export const ChatRequest = z.object({
  message: z.string().min(1, 'message must not be empty'),
  twin_id: TwinId,
  session_id: SessionId,
  namespace: Namespace.optional(),
  media_active: z.boolean().optional(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

/** The planner's single typed decision for a turn. */
export const LLMAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('respond'), message: z.string().min(1) }),
  z.object({
    action: z.literal('query_memory'),
    query: z.string().min(1),
    domains: z.array(Domain).optional(),
    top_k: z.number().int().min(1).max(100).optional(),
  }),
  z.object({
    action: z.literal('execute_tool'),
    tool_name: z.string().min(1),
    args: z.array(z.string()).default([]),
    reason: z.string().default(''),
  }),
]);
export type LLMAction = z.infer<typeof LLMAction>;

export const ActionKind = z.enum(['query_memory', 'execute_tool']);
export type ActionKind = z.infer<typeof ActionKind>;

/**
 * `interrupted`: approved, but the twin restarted before it finished; it is never run again (the turn says so).
 */
export const ActionStatus = z.enum(['pending', 'approved', 'denied', 'expired', 'executed', 'failed', 'interrupted']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Exact arguments of a pending action: what the approval card shows and what will run. */
export const ActionArgs = z.union([
  z.object({ tool_name: z.string(), args: z.array(z.string()), reason: z.string() }),
  z.object({
    query: z.string(),
    domains: z.array(Domain),
    top_k: z.number().int(),
    namespace: z.string(),
    /** fleet: the search also asks the mesh's online peers (MESH_CHAT_FLEET_SEARCH); the card says so. */
    scope: z.enum(['local', 'fleet']).optional(),
  }),
]);
export type ActionArgs = z.infer<typeof ActionArgs>;

/** A tool run or memory query waiting for (or past) the person's decision. */
export const PendingAction = z.object({
  action_id: z.string(),
  job_id: z.string(),
  session_id: z.string(),
  twin_id: z.string(),
  kind: ActionKind,
  args: ActionArgs,
  args_hash: z.string(),
  status: ActionStatus,
  created_at: z.string(),
  expires_at: z.string(),
  decided_at: z.string().nullable().optional(),
});
export type PendingAction = z.infer<typeof PendingAction>;

export const ToolRunResult = z.object({
  kind: z.literal('execute_tool'),
  tool_name: z.string(),
  args: z.array(z.string()),
  output: z.string(),
  stderr: z.string(),
  exit_code: z.number().int(),
  truncated: z.boolean(),
  timed_out: z.boolean(),
  duration_ms: z.number(),
  sandbox: z.string(),
});
export const MemoryQueryResult = z.object({
  kind: z.literal('query_memory'),
  query: z.string(),
  results: z.array(MemoryHit),
  domain_attribution: DomainAttribution,
});
export const ActionResult = z.discriminatedUnion('kind', [ToolRunResult, MemoryQueryResult]);
export type ActionResult = z.infer<typeof ActionResult>;

/** `stopped`: the person stopped the turn before it was planned; the answer holds what was written until then. */
export const TurnStatus = z.enum(['completed', 'awaiting_approval', 'denied', 'failed', 'stopped']);
export type TurnStatus = z.infer<typeof TurnStatus>;

/** Which planner decided, and whether the LLM failed over to the mock planner. */
export const PlannerInfo = z.object({
  provider: z.enum(['openrouter', 'mock']),
  model: z.string().optional(),
  fallback: z.boolean(),
  fallback_reason: z.string().optional(),
});
export type PlannerInfo = z.infer<typeof PlannerInfo>;

/** Answer of POST /v1/chat and of the approve/deny endpoints. */
export const ChatResponse = z.object({
  response: z.string(),
  job_id: z.string(),
  session_id: z.string(),
  actions_taken: z.array(z.string()),
  status: TurnStatus,
  planner: PlannerInfo,
  /**
   * The action this turn proposed, with its current status: while it is pending the UI shows an approval card from
   * it; once decided, the history keeps the exact arguments that were approved or denied.
   */
  issued_command: PendingAction.optional(),
  /** Result of an executed action (after approval). */
  action_result: ActionResult.optional(),
  /**
   * What the twin said when it asked for approval, kept once the decision's answer replaces `response`, so the
   * recorded turn reads as it did live: the request, the card, then the answer.
   */
  intro: z.string().optional(),
  /** The planner's raw JSON, kept for transparency and audit. */
  raw_orchestrator_decision: z.string(),
});
export type ChatResponse = z.infer<typeof ChatResponse>;

/** POST /v1/actions/:id/approve | /deny — only the session that owns the action may decide. */
export const ActionDecisionRequest = z.object({ session_id: SessionId });
export type ActionDecisionRequest = z.infer<typeof ActionDecisionRequest>;

/** One turn of a session as GET /v1/sessions/:session_id/turns returns it: the message and its latest answer. */
export const SessionTurn = z.object({
  job_id: z.string(),
  session_id: z.string(),
  twin_id: z.string(),
  message: z.string(),
  status: TurnStatus,
  response: ChatResponse,
  created_at: z.string(),
  updated_at: z.string(),
});
export type SessionTurn = z.infer<typeof SessionTurn>;
export const SessionTurnsResponse = z.object({ turns: z.array(SessionTurn) });
export type SessionTurnsResponse = z.infer<typeof SessionTurnsResponse>;

/** One line of the audit trail: who did what, when, to which action, with what result. */
export const AuditEntry = z.object({
  ts: z.string(),
  actor: z.string(),
  event: z.string(),
  action_id: z.string().nullable(),
  job_id: z.string().nullable(),
  session_id: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** GET /v1/actions?session_id= — the session's actions (newest first) and its audit trail. */
export const SessionActionsResponse = z.object({ actions: z.array(PendingAction), audit: z.array(AuditEntry) });
export type SessionActionsResponse = z.infer<typeof SessionActionsResponse>;
