import { randomUUID } from 'node:crypto';
import {
  type ActionResult,
  type ChatRequest,
  type ChatResponse,
  CodedError,
  type PendingAction,
  type SessionTurn,
} from '@pagi/contracts';
import type { Logger, OrchestratorConfig } from '@pagi/runtime';
import type { TurnStore } from '../conversations/turn-store.ts';
import type { ToolsClient } from '../deps/tools-client.ts';
import type { ActionExecutor } from '../hitl/action-executor.ts';
import type { PendingActionStore } from '../hitl/pending-actions.ts';
import { approvalRequest, commandLine, denialAnswer } from '../planner/answers.ts';
import type { Plan, Planner } from '../planner/planner.ts';
import type { PromptStore } from '../prompts/prompt-store.ts';
import type { ChatEvents, Decision } from './chat-events.ts';
import { pointToWaitingCard } from './decision-words.ts';
import { proposeAction } from './propose.ts';
import { whyUnrunnable } from './runnable.ts';
import { recordStopped } from './stopped-turn.ts';
import { closeExpiredTurn, introOf } from './turn-intro.ts';
import { noop, type Sink, sendAnswer, textStream } from './turn-sink.ts';

const HISTORY_TURNS = 8;

export interface ChatEngineDeps {
  config: Pick<
    OrchestratorConfig,
    'BYPASS_HITL_TOOL_EXEC' | 'BYPASS_HITL_MEMORY' | 'KNOWLEDGE_NAMESPACE' | 'MESH_ENABLED' | 'MESH_CHAT_FLEET_SEARCH'
  >;
  logger: Logger;
  planner: Planner;
  prompts: PromptStore;
  turns: TurnStore;
  actions: PendingActionStore;
  executor: ActionExecutor;
  tools: ToolsClient;
  events: ChatEvents;
}

/** An action whose decision was accepted (the atomic transition succeeded) and that still has to be carried out. */
export interface ClaimedDecision {
  action: PendingAction;
  decision: Decision;
}

/**
 * One conversation turn from message to answer: plan, then answer directly or park the action for approval; and the
 * other half, carrying out an approved (or denied) action and writing the final answer. What happens is announced
 * on `events` (audit, activity, metrics and history subscribe there); the turn's own stream goes to the sink.
 */
export class ChatEngine {
  private readonly d: ChatEngineDeps;

  constructor(deps: ChatEngineDeps) {
    this.d = deps;
  }

  async chat(req: ChatRequest, sink: Sink = noop, signal?: AbortSignal): Promise<ChatResponse> {
    const { d } = this;
    const started = performance.now();
    const ids = { job_id: randomUUID(), session_id: req.session_id };
    sink({ type: 'message', ...ids, message: req.message, created_at: new Date().toISOString() });
    sink({ type: 'status', ...ids, stage: 'planning' });
    const live = textStream(sink, ids);
    const plan = await this.plan(req, live.onText, signal).catch((err: unknown) => {
      if (err instanceof CodedError && err.code === 'cancelled') recordStopped(d, req, ids, live.text);
      throw err;
    });
    d.events.emit({
      type: 'turn.planned',
      ...ids,
      twin_id: req.twin_id,
      action: plan.action.action,
      planner: plan.info,
    });
    const record = (response: ChatResponse) =>
      d.events.emit({
        type: 'turn.answered',
        phase: 'planned',
        twin_id: req.twin_id,
        message: req.message,
        action: plan.action.action,
        response,
        seconds: (performance.now() - started) / 1000,
      });

    const base = { ...ids, raw_orchestrator_decision: plan.raw, actions_taken: [], planner: plan.info };
    if (plan.action.action === 'respond') {
      const response: ChatResponse = { ...base, response: plan.action.message, status: 'completed' };
      record(response);
      sendAnswer(sink, response, live.used);
      return response;
    }

    const unrunnable =
      plan.action.action === 'execute_tool'
        ? await whyUnrunnable(d.tools, d.logger, plan.action, req.twin_id)
        : undefined;
    if (unrunnable !== undefined && plan.action.action === 'execute_tool') {
      // Refused now, with the reason, instead of after a person approved something that can never run.
      const { tool_name, args } = plan.action;
      d.events.emit({ type: 'action.unrunnable', ...ids, tool_name, args, reason: unrunnable });
      const text = `I can't run \`${commandLine(tool_name, args)}\`: ${unrunnable}`;
      const response: ChatResponse = { ...base, response: text, status: 'completed' };
      record(response);
      sendAnswer(sink, response);
      return response;
    }
    const action = proposeAction(d, plan.action, req, ids.job_id);
    const text = approvalRequest(action);
    if (action.status === 'approved') {
      // HITL bypass: nobody is asked; the turn records the request and goes straight on to run it.
      record({ ...base, response: text, status: 'awaiting_approval' });
      return this.carryOut({ action, decision: 'approved' }, sink);
    }
    sink({ type: 'approval_required', ...ids, action });
    const response: ChatResponse = { ...base, response: text, status: 'awaiting_approval', issued_command: action };
    record(response);
    sendAnswer(sink, response);
    return response;
  }

  /**
   * The atomic decision: succeeds once, for the owning session, before expiry. A refusal throws the store's code
   * (not_found, forbidden, already_decided, expired, integrity) and is announced too.
   */
  claim(actionId: string, sessionId: string, decision: Decision, by: string): ClaimedDecision {
    const { d } = this;
    const result = d.actions.decide(actionId, sessionId, decision);
    if (!result.ok) {
      d.events.emit({
        type: 'action.refused',
        action_id: actionId,
        session_id: sessionId,
        by,
        attempted: decision,
        code: result.code,
        message: result.message,
      });
      if (result.code === 'expired') closeExpiredTurn(d, actionId);
      throw new CodedError(result.code, result.message);
    }
    d.events.emit({ type: 'action.decided', action: result.action, decision, by });
    return { action: result.action, decision };
  }

  /** Runs an approved action and writes the final answer, or records the denial. */
  async carryOut(claimed: ClaimedDecision, sink: Sink = noop, signal?: AbortSignal): Promise<ChatResponse> {
    const { d } = this;
    const { action } = claimed;
    if (claimed.decision === 'denied') {
      const turn = d.turns.get(action.job_id);
      return this.finishTurn(action, turn, sink, {
        response: denialAnswer(action),
        actions_taken: [],
        status: 'denied',
        planner: turn?.response.planner ?? { provider: d.planner.provider, fallback: false },
        issued_command: d.actions.get(action.action_id) ?? action,
      });
    }

    sink({ type: 'status', job_id: action.job_id, session_id: action.session_id, stage: 'executing' });
    let result: ActionResult;
    try {
      result = await d.executor.run(action);
    } catch (err) {
      const message = err instanceof CodedError ? err.message : 'The action failed unexpectedly.';
      if (!(err instanceof CodedError)) d.logger.error({ err, action_id: action.action_id }, 'action failed');
      return this.endUnrun(action, 'failed', message, sink);
    }
    return this.answerWith(action, result, sink, signal);
  }

  /**
   * Settles an action that was approved when the orchestrator stopped: with its outcome when it ran to the end
   * (the turn gets its answer), or as interrupted (the turn says so; it is never run again).
   */
  recover(action: PendingAction, outcome: { result: ActionResult } | { interrupted: string }): Promise<ChatResponse> {
    if ('result' in outcome) return this.answerWith(action, outcome.result, noop);
    return Promise.resolve(this.endUnrun(action, 'interrupted', outcome.interrupted, noop));
  }

  /** Records an approved action that did not run to the end, and closes its turn with the reason. */
  private endUnrun(action: PendingAction, status: 'failed' | 'interrupted', message: string, sink: Sink): ChatResponse {
    const { d } = this;
    const ids = { job_id: action.job_id, session_id: action.session_id };
    d.actions.finish(action.action_id, { status, error: message });
    const ended = d.actions.get(action.action_id) ?? action;
    d.events.emit(
      status === 'failed'
        ? { type: 'action.failed', action: ended, error: message }
        : { type: 'action.interrupted', action: ended, reason: message },
    );
    sink({ type: 'action_result', ...ids, action: ended });
    const turn = d.turns.get(action.job_id);
    return this.finishTurn(action, turn, sink, {
      response: message,
      actions_taken: [],
      status: 'failed',
      planner: turn?.response.planner ?? { provider: d.planner.provider, fallback: false },
      issued_command: ended,
    });
  }

  /** An action ran: the result is recorded and shown, and the planner writes the answer with it. */
  private async answerWith(
    action: PendingAction,
    result: ActionResult,
    sink: Sink,
    signal?: AbortSignal,
  ): Promise<ChatResponse> {
    const { d } = this;
    const ids = { job_id: action.job_id, session_id: action.session_id };
    const turn = d.turns.get(action.job_id);
    d.actions.finish(action.action_id, { status: 'executed', result });
    const executed = d.actions.get(action.action_id) ?? action;
    d.events.emit({ type: 'action.executed', action: executed, result });
    sink({ type: 'action_result', ...ids, action: executed, result });
    sink({ type: 'status', ...ids, stage: 'answering' });

    const text = textStream(sink, ids);
    const answer = await d.planner.answer(
      {
        systemPrompt: d.prompts.current().prompt,
        history: this.history(action.session_id).filter((t) => t.job_id !== action.job_id),
        message: turn?.message ?? '',
        decisionRaw: turn?.response.raw_orchestrator_decision ?? '',
        result,
      },
      text.onText,
      signal,
    );
    return this.finishTurn(
      action,
      turn,
      sink,
      {
        response: answer.text,
        actions_taken: [result.kind === 'execute_tool' ? `execute_tool:${result.tool_name}` : 'query_memory'],
        status: 'completed',
        planner: answer.info,
        issued_command: executed,
        action_result: result,
      },
      text.used,
    );
  }

  /** The turn's answer after a decision: recorded (history, audit, metrics) and sent. */
  private finishTurn(
    action: PendingAction,
    turn: SessionTurn | null,
    sink: Sink,
    answer: Omit<ChatResponse, 'job_id' | 'session_id' | 'raw_orchestrator_decision'>,
    streamed = false,
  ): ChatResponse {
    const response: ChatResponse = {
      ...answer,
      job_id: action.job_id,
      session_id: action.session_id,
      raw_orchestrator_decision: turn?.response.raw_orchestrator_decision ?? '',
      ...introOf(turn),
    };
    this.d.events.emit({
      type: 'turn.answered',
      phase: 'decided',
      twin_id: action.twin_id,
      message: turn?.message ?? '',
      action: action.kind,
      response,
    });
    sendAnswer(sink, response, streamed);
    return response;
  }

  /** The turn's plan: a pointer to the card still waiting, or the planner's decision. */
  private async plan(req: ChatRequest, onText: (text: string) => void, signal?: AbortSignal): Promise<Plan> {
    const { d } = this;
    const waiting = pointToWaitingCard(d.actions, req);
    if (waiting) return waiting;
    const context = {
      systemPrompt: d.prompts.current().prompt,
      history: this.history(req.session_id),
      message: req.message,
      tools: d.planner.provider === 'openrouter' ? d.tools.cachedToolNames(req.twin_id) : undefined,
    };
    return d.planner.decide(context, onText, signal);
  }

  private history(sessionId: string) {
    return this.d.turns.recentExchanges(sessionId, HISTORY_TURNS);
  }
}
