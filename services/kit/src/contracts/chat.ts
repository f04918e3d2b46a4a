import { z } from 'zod';
import { Domain, Identifier } from './domains.ts';
import { DomainAttribution, MemoryHit } from './memory.ts';

/** POST /v1/chat (orchestrator) — one turn of conversation. */
export const ChatRequest = z.object({
  message: z.string().min(1, 'message must not be empty'),
  twin_id: Identifier,
  session_id: Identifier,
  namespace: Identifier.optional(),
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

export const ActionStatus = z.enum(['pending', 'approved', 'denied', 'expired', 'executed', 'failed']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Exact arguments of a pending action: what the approval card shows and what will run. */
export const ActionArgs = z.union([
  z.object({ tool_name: z.string(), args: z.array(z.string()), reason: z.string() }),
  z.object({ query: z.string(), domains: z.array(Domain), top_k: z.number().int(), namespace: z.string() }),
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

export const TurnStatus = z.enum(['completed', 'awaiting_approval', 'denied', 'failed']);
export type TurnStatus = z.infer<typeof TurnStatus>;

/** Which planner decided, and whether the LLM failed over to the mock planner. */
export const PlannerInfo = z.object({
  provider: z.enum(['openrouter', 'mock']),
  model: z.string().optional(),
  fallback: z.boolean(),
  fallback_reason: z.string().optional(),
});

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
  /** The planner's raw JSON, kept for transparency and audit. */
  raw_orchestrator_decision: z.string(),
});
export type ChatResponse = z.infer<typeof ChatResponse>;

/** POST /v1/actions/:id/approve | /deny — only the session that owns the action may decide. */
export const ActionDecisionRequest = z.object({ session_id: Identifier });
export type ActionDecisionRequest = z.infer<typeof ActionDecisionRequest>;

/**
 * Server-Sent Events of a streamed turn (POST /v1/chat or /v1/actions/:id/approve with
 * `Accept: text/event-stream`): stage changes, answer tokens as written, then `done` with the full response.
 */
export const ChatStreamEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), job_id: z.string(), stage: z.string() }),
  z.object({ type: z.literal('token'), job_id: z.string(), text: z.string() }),
  z.object({ type: z.literal('approval_required'), job_id: z.string(), action: PendingAction }),
  z.object({
    type: z.literal('action_result'),
    job_id: z.string(),
    action: PendingAction,
    result: ActionResult.optional(),
  }),
  z.object({ type: z.literal('done'), response: ChatResponse }),
  z.object({ type: z.literal('error'), job_id: z.string().optional(), code: z.string(), message: z.string() }),
]);
export type ChatStreamEvent = z.infer<typeof ChatStreamEvent>;

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
