import { z } from 'zod';
import { ActionResult, PendingAction, PlannerInfo, TurnStatus } from './chat.ts';

/**
 * The events of one chat turn, from the orchestrator to the browser. The orchestrator streams them as Server-Sent
 * Events (POST /v1/chat and the approve/deny endpoints with `Accept: text/event-stream`, one JSON object per `data:`
 * line); the gateway routes them unchanged to the WebSocket of the session they belong to.
 */

/**
 * The person's message that starts the turn, first of its events: every socket following the session shows it
 * (another tab or device of the same person), not just the answer.
 */
export const TurnMessageEvent = z.object({
  type: z.literal('message'),
  job_id: z.string(),
  session_id: z.string(),
  message: z.string(),
  created_at: z.string(),
});

/** A stage of the turn: planning → (executing → answering) after an approval. */
export const TurnStage = z.enum(['planning', 'executing', 'answering']);
export type TurnStage = z.infer<typeof TurnStage>;

export const StatusEvent = z.object({
  type: z.literal('status'),
  job_id: z.string(),
  session_id: z.string(),
  stage: TurnStage,
});

/**
 * The answer: `done: false` events carry text in `token` as it is written; the last one has `done: true`, the whole
 * `message` and the turn's outcome.
 */
export const ResponseEvent = z.object({
  type: z.literal('response'),
  job_id: z.string(),
  session_id: z.string(),
  done: z.boolean(),
  token: z.string().optional(),
  message: z.string().optional(),
  actions_taken: z.array(z.string()).optional(),
  status: TurnStatus.optional(),
  planner: PlannerInfo.optional(),
});
export type ResponseEvent = z.infer<typeof ResponseEvent>;

/** The turn proposes an action; the browser shows an approval card from `action`. */
export const ApprovalRequiredEvent = z.object({
  type: z.literal('approval_required'),
  job_id: z.string(),
  session_id: z.string(),
  action: PendingAction,
});

/** A decided action, after it ran (with its result) or failed. */
export const ActionResultEvent = z.object({
  type: z.literal('action_result'),
  job_id: z.string(),
  session_id: z.string(),
  action: PendingAction,
  result: ActionResult.optional(),
});

/** The turn (or a decision on `action_id`) could not go on; `code` is from the error table. */
export const TurnErrorEvent = z.object({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  job_id: z.string().optional(),
  action_id: z.string().optional(),
});

export const TurnEvent = z.discriminatedUnion('type', [
  TurnMessageEvent,
  StatusEvent,
  ResponseEvent,
  ApprovalRequiredEvent,
  ActionResultEvent,
  TurnErrorEvent,
]);
export type TurnEvent = z.infer<typeof TurnEvent>;

/** True for the event that ends a turn's stream. */
export const endsTurn = (e: TurnEvent): boolean => e.type === 'error' || (e.type === 'response' && e.done);
