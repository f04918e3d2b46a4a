import { randomUUID } from 'node:crypto';
import type { Logger, OrchestratorConfig } from '@pagi/kit';
import { HttpError } from '@pagi/kit';
import type {
  ActionArgs,
  ActionResult,
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  LLMAction,
  PendingAction,
} from '@pagi/kit/contracts/chat.ts';
import type { ActivityFeed } from '../activity/activity-feed.ts';
import type { TurnStore } from '../conversations/turn-store.ts';
import { DependencyError } from '../deps/dependency-error.ts';
import type { ToolsClient } from '../deps/tools-client.ts';
import type { ActionExecutor } from '../hitl/action-executor.ts';
import type { AuditLog } from '../hitl/audit.ts';
import type { PendingActionStore } from '../hitl/pending-actions.ts';
import type { ChatMetrics } from '../metrics/chat-metrics.ts';
import { approvalRequest, commandLine } from '../planner/answers.ts';
import type { Planner, PlannerInfo } from '../planner/planner.ts';
import type { PromptStore } from '../prompts/prompt-store.ts';
import { actionArgs, describeAction } from './action-args.ts';
import { streamTokens } from './tokens.ts';

export type Sink = (event: ChatStreamEvent) => void;
const noop: Sink = () => {};

const HISTORY_TURNS = 8;

export interface ChatEngineDeps {
  config: Pick<OrchestratorConfig, 'BYPASS_HITL_TOOL_EXEC' | 'BYPASS_HITL_MEMORY' | 'KNOWLEDGE_NAMESPACE'>;
  logger: Logger;
  planner: Planner;
  prompts: PromptStore;
  turns: TurnStore;
  actions: PendingActionStore;
  audit: AuditLog;
  activity: ActivityFeed;
  executor: ActionExecutor;
  tools: ToolsClient;
  metrics: ChatMetrics;
}

/** An action whose decision was accepted (the atomic transition succeeded) and that still has to be carried out. */
export interface ClaimedDecision {
  action: PendingAction;
  decision: 'approved' | 'denied';
}

/**
 * One conversation turn from message to answer: plan, then answer directly or park the action for approval; and the
 * other half, carrying out an approved (or denied) action and writing the final answer.
 */
export class ChatEngine {
  private readonly d: ChatEngineDeps;

  constructor(deps: ChatEngineDeps) {
    this.d = deps;
  }

  async chat(req: ChatRequest, sink: Sink = noop): Promise<ChatResponse> {
    const { d } = this;
    const started = performance.now();
    const jobId = randomUUID();
    sink({ type: 'status', job_id: jobId, stage: 'planning' });
    const plan = await d.planner.decide({
      systemPrompt: d.prompts.current().prompt,
      history: this.history(req.session_id),
      message: req.message,
      tools: d.planner.provider === 'openrouter' ? d.tools.cachedToolNames(req.twin_id) : undefined,
    });
    if (plan.info.fallback) d.metrics.plannerFallbacks.inc();
    d.audit.record({
      actor: `session:${req.session_id}`,
      event: 'turn.planned',
      job_id: jobId,
      session_id: req.session_id,
      detail: { twin_id: req.twin_id, action: plan.action.action, planner: plan.info },
    });

    const base = { job_id: jobId, session_id: req.session_id, raw_orchestrator_decision: plan.raw };
    let response: ChatResponse;
    if (plan.action.action === 'respond') {
      streamTokens(jobId, plan.action.message, sink);
      response = {
        ...base,
        response: plan.action.message,
        actions_taken: [],
        status: 'completed',
        planner: plan.info,
      };
      d.turns.save({ twin_id: req.twin_id, message: req.message, response });
    } else {
      const kind = plan.action.action;
      const bypass = kind === 'execute_tool' ? d.config.BYPASS_HITL_TOOL_EXEC : d.config.BYPASS_HITL_MEMORY;
      const action = d.actions.create({
        job_id: jobId,
        session_id: req.session_id,
        twin_id: req.twin_id,
        kind,
        args: actionArgs(plan.action, req, this.d.config.KNOWLEDGE_NAMESPACE),
        preApproved: bypass,
      });
      if (bypass) {
        d.logger.warn(
          { action_id: action.action_id, kind, session_id: req.session_id },
          `HITL bypass: running ${describeAction(action)} without approval`,
        );
        d.audit.record({
          actor: 'bypass',
          event: 'action.bypassed',
          action_id: action.action_id,
          job_id: jobId,
          session_id: req.session_id,
          detail: { kind, args: action.args, args_hash: action.args_hash },
        });
        const awaiting: ChatResponse = {
          ...base,
          response: approvalRequest(action),
          actions_taken: [],
          status: 'awaiting_approval',
          planner: plan.info,
        };
        d.turns.save({ twin_id: req.twin_id, message: req.message, response: awaiting });
        response = await this.carryOut({ action, decision: 'approved' }, sink);
      } else {
        const text = approvalRequest(action);
        d.audit.record({
          actor: 'planner',
          event: 'action.proposed',
          action_id: action.action_id,
          job_id: jobId,
          session_id: req.session_id,
          detail: { kind, args: action.args, args_hash: action.args_hash, expires_at: action.expires_at },
        });
        d.activity.publish('turn', `Awaiting approval: ${describeAction(action)}`, req.session_id);
        sink({ type: 'approval_required', job_id: jobId, action });
        streamTokens(jobId, text, sink);
        response = {
          ...base,
          response: text,
          actions_taken: [],
          status: 'awaiting_approval',
          planner: plan.info,
          issued_command: action,
        };
        d.turns.save({ twin_id: req.twin_id, message: req.message, response });
      }
    }
    if (response.status === 'completed' && plan.action.action === 'respond') {
      d.activity.publish('turn', `Answered: ${req.message.slice(0, 80)}`, req.session_id);
    }
    d.metrics.turns.inc({ status: response.status, provider: plan.info.provider });
    d.metrics.turnSeconds.observe({ action: plan.action.action }, (performance.now() - started) / 1000);
    return response;
  }

  /**
   * The atomic decision: succeeds once, for the owning session, before expiry. Refusals are HTTP errors
   * (404 not_found, 403 forbidden, 409 already_decided / expired) and are audited too.
   */
  claim(actionId: string, sessionId: string, decision: 'approved' | 'denied'): ClaimedDecision {
    const { d } = this;
    const result = d.actions.decide(actionId, sessionId, decision);
    if (!result.ok) {
      d.metrics.refusals.inc({ code: result.code });
      d.audit.record({
        actor: `session:${sessionId}`,
        event: 'action.refused',
        action_id: actionId,
        session_id: sessionId,
        detail: { attempted: decision, code: result.code, message: result.message },
      });
      if (result.code === 'expired') this.closeExpiredTurn(actionId);
      throw new HttpError(result.status, result.code, result.message);
    }
    d.metrics.decisions.inc({ decision });
    d.audit.record({
      actor: `session:${sessionId}`,
      event: decision === 'approved' ? 'action.approved' : 'action.denied',
      action_id: actionId,
      job_id: result.action.job_id,
      session_id: sessionId,
      detail: { kind: result.action.kind, args_hash: result.action.args_hash },
    });
    d.activity.publish(
      decision === 'approved' ? 'approval' : 'denial',
      `${decision === 'approved' ? 'Approved' : 'Denied'}: ${describeAction(result.action)}`,
      sessionId,
    );
    return { action: result.action, decision };
  }

  /** Runs an approved action and writes the final answer, or records the denial. */
  async carryOut(claimed: ClaimedDecision, sink: Sink = noop): Promise<ChatResponse> {
    const { d } = this;
    const { action } = claimed;
    const turn = d.turns.get(action.job_id);
    const base = {
      job_id: action.job_id,
      session_id: action.session_id,
      raw_orchestrator_decision: turn?.response.raw_orchestrator_decision ?? '',
    };
    const plannerInfo: PlannerInfo = turn?.response.planner ?? { provider: d.planner.provider, fallback: false };

    if (claimed.decision === 'denied') {
      const text = `Understood — I did not run the ${describeAction(action)}.`;
      streamTokens(action.job_id, text, sink);
      const response: ChatResponse = {
        ...base,
        response: text,
        actions_taken: [],
        status: 'denied',
        planner: plannerInfo,
        issued_command: d.actions.get(action.action_id) ?? action,
      };
      d.turns.update(response);
      return response;
    }

    sink({ type: 'status', job_id: action.job_id, stage: 'executing' });
    let result: ActionResult;
    try {
      result = await d.executor.run(action);
    } catch (err) {
      const message = err instanceof DependencyError ? err.message : 'The action failed unexpectedly.';
      if (!(err instanceof DependencyError)) d.logger.error({ err, action_id: action.action_id }, 'action failed');
      d.actions.finish(action.action_id, { status: 'failed', error: message });
      d.audit.record({
        actor: 'orchestrator',
        event: 'action.failed',
        action_id: action.action_id,
        job_id: action.job_id,
        session_id: action.session_id,
        detail: { error: message },
      });
      d.activity.publish(
        action.kind === 'execute_tool' ? 'tool_run' : 'memory_query',
        `Failed: ${message}`,
        action.session_id,
      );
      const failedAction = d.actions.get(action.action_id) ?? action;
      sink({ type: 'action_result', job_id: action.job_id, action: failedAction });
      streamTokens(action.job_id, message, sink);
      const response: ChatResponse = {
        ...base,
        response: message,
        actions_taken: [],
        status: 'failed',
        planner: plannerInfo,
        issued_command: failedAction,
      };
      d.turns.update(response);
      return response;
    }
    d.actions.finish(action.action_id, { status: 'executed', result });
    d.audit.record({
      actor: 'orchestrator',
      event: 'action.executed',
      action_id: action.action_id,
      job_id: action.job_id,
      session_id: action.session_id,
      detail:
        result.kind === 'execute_tool'
          ? { exit_code: result.exit_code, timed_out: result.timed_out, sandbox: result.sandbox }
          : { results: result.results.length, ids: result.results.map((r) => r.id) },
    });
    d.activity.publish(
      result.kind === 'execute_tool' ? 'tool_run' : 'memory_query',
      result.kind === 'execute_tool'
        ? `Ran ${commandLine(result.tool_name, result.args)} (exit ${result.exit_code})`
        : `Searched memory for "${result.query}" (${result.results.length} results)`,
      action.session_id,
    );
    const executed = d.actions.get(action.action_id) ?? action;
    sink({ type: 'action_result', job_id: action.job_id, action: executed, result });
    sink({ type: 'status', job_id: action.job_id, stage: 'answering' });

    const answer = await d.planner.answer({
      systemPrompt: d.prompts.current().prompt,
      history: this.history(action.session_id).filter((t) => t.job_id !== action.job_id),
      message: turn?.message ?? '',
      decisionRaw: base.raw_orchestrator_decision,
      result,
    });
    if (answer.info.fallback) d.metrics.plannerFallbacks.inc();
    streamTokens(action.job_id, answer.text, sink);
    const response: ChatResponse = {
      ...base,
      response: answer.text,
      actions_taken: [result.kind === 'execute_tool' ? `execute_tool:${result.tool_name}` : 'query_memory'],
      status: 'completed',
      planner: answer.info,
      issued_command: executed,
      action_result: result,
    };
    d.turns.update(response);
    return response;
  }

  /** The turn of an expired action stops waiting in the history: it ends as failed, with nothing run. */
  private closeExpiredTurn(actionId: string): void {
    const action = this.d.actions.get(actionId);
    const turn = action ? this.d.turns.get(action.job_id) : null;
    if (turn?.status !== 'awaiting_approval') return;
    const { issued_command: _pending, ...rest } = turn.response;
    this.d.turns.update({
      ...rest,
      status: 'failed',
      response: 'The request expired before it was approved; nothing was run.',
    });
  }

  private history(sessionId: string) {
    return this.d.turns
      .forSession(sessionId, HISTORY_TURNS)
      .map((t) => ({ job_id: t.job_id, message: t.message, response: t.response.response }));
  }
}
