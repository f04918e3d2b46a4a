import type { ActionResult, ChatResponse, ErrorCode, LLMAction, PendingAction, PlannerInfo } from '@pagi/contracts';

export type Decision = 'approved' | 'denied';

/**
 * What happened in a conversation, as the chat engine announces it. The audit log, the activity feed, the metrics
 * and the turn history each subscribe to these instead of being written inline in the engine.
 */
export type ChatDomainEvent =
  | {
      type: 'turn.planned';
      job_id: string;
      session_id: string;
      twin_id: string;
      action: LLMAction['action'];
      planner: PlannerInfo;
    }
  /**
   * A turn's answer as it now stands: `planned` when the turn is first recorded (answered, or waiting for an
   * approval), `decided` when the answer after an approval or denial replaces it.
   */
  | {
      type: 'turn.answered';
      phase: 'planned' | 'decided';
      twin_id: string;
      message: string;
      action: LLMAction['action'];
      response: ChatResponse;
      /** How long the turn took to plan and answer (phase `planned`). */
      seconds?: number;
    }
  | { type: 'action.proposed'; action: PendingAction; bypass: boolean }
  | {
      type: 'action.refused';
      action_id: string;
      session_id: string;
      /** The person who tried. */
      by: string;
      attempted: Decision;
      code: ErrorCode;
      message: string;
    }
  | { type: 'action.decided'; action: PendingAction; decision: Decision; by: string }
  | { type: 'action.executed'; action: PendingAction; result: ActionResult }
  | { type: 'action.failed'; action: PendingAction; error: string }
  /** Approved, but the twin restarted before it finished: it is not run again. */
  | { type: 'action.interrupted'; action: PendingAction; reason: string }
  /** The planner proposed something that can never run (the tools service or the rules refuse it): no card. */
  | {
      type: 'action.unrunnable';
      job_id: string;
      session_id: string;
      tool_name: string;
      args: string[];
      reason: string;
    };

type Handler = (event: ChatDomainEvent) => void;

/**
 * A synchronous, in-process event bus: subscribers run in order before `emit` returns, so a turn recorded by one
 * event is readable by the next step of the engine, and a subscriber that fails (e.g. the audit database) fails the
 * request instead of silently losing the record.
 */
export class ChatEvents {
  private readonly handlers: Handler[] = [];

  subscribe(handler: Handler): void {
    this.handlers.push(handler);
  }

  emit(event: ChatDomainEvent): void {
    for (const handler of this.handlers) handler(event);
  }
}
