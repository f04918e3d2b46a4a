import {
  type ActionResult,
  type AgentDecision,
  type AgentTemplate,
  CodedError,
  type PendingAction,
} from '@pagi/contracts';
import { playbookNextStep } from './mock-agent-planner.ts';
import { checkAction, spawnRefusal, stepBudget, within } from './run-checks.ts';
import { RunSteps } from './run-steps.ts';
import { planOf, type RunRow } from './run-store.ts';
import { actionPhrase, describeDecision } from './step-text.ts';

type Acting = Extract<AgentDecision, { action: 'query_memory' | 'execute_tool' }>;

/**
 * Drives runs: plan → action → (approval) → observation → … Each step is stored before the next begins, and a step
 * with its action and the run's new status are stored in one transaction. Only one loop drives a run at a time; a
 * run waiting for a person or for its sub-agents has no loop at all, so waiting uses no steps.
 */
export class RunLoop extends RunSteps {
  private readonly driving = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Approved in this process and not yet run; an approved action found after a restart is the recovery's. */
  private readonly toExecute = new Set<string>();
  private readonly aborts = new Map<string, AbortController>();
  /** The tool run each run waits on now (its action id), stopped with the run; a shutdown leaves it to recovery. */
  private readonly inTool = new Map<string, string>();
  private closed = false;

  drive(runId: string): void {
    if (this.closed) return;
    if (this.driving.has(runId)) {
      this.again.add(runId);
      return;
    }
    const loop = this.loop(runId)
      .catch((err: unknown) => {
        this.d.logger.error({ err, run_id: runId }, 'agent run failed unexpectedly');
        const row = this.d.store.get(runId);
        if (row) this.end(row, 'failed', 'The run failed unexpectedly; the log has the details.');
      })
      .finally(() => {
        this.driving.delete(runId);
        if (this.again.delete(runId)) this.drive(runId);
      });
    this.driving.set(runId, loop);
  }

  /** Lets the approved action run when the loop next comes to it. */
  approve(actionId: string): void {
    this.toExecute.add(actionId);
  }

  abort(runId: string): void {
    this.aborts.get(runId)?.abort();
    const tool = this.inTool.get(runId);
    if (tool) this.d.tools.stopRun(tool).catch((err) => this.d.logger.warn({ err, action_id: tool }, 'stop failed'));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emit('closed');
    for (const a of this.aborts.values()) a.abort();
    await Promise.allSettled([...this.driving.values()]);
  }

  private async loop(runId: string): Promise<void> {
    const started = this.d.now();
    const abort = new AbortController();
    this.aborts.set(runId, abort);
    try {
      for (;;) {
        const row = this.d.store.get(runId);
        if (this.closed || !row || row.status !== 'running') return;
        const template = this.d.templates.get(row.template);
        if (!template) {
          this.end(row, 'failed', `The agent template "${row.template}" no longer exists.`);
          return;
        }
        const approved = this.approvedAction(row);
        const budget = stepBudget(row, template, this.d.now() - started, !approved, this.d.limits.usdPerMillionTokens);
        if (typeof budget === 'string') {
          this.end(row, 'failed', budget);
          return;
        }
        const go = approved
          ? await this.execute(row, approved, budget)
          : await this.step(row, template, budget, abort.signal);
        if (!go) return;
      }
    } finally {
      this.aborts.delete(runId);
      this.d.store.addActiveTime(runId, this.d.now() - started);
    }
  }

  /** One step; false when the run now waits or has ended. */
  private async step(row: RunRow, template: AgentTemplate, ms: number, signal: AbortSignal): Promise<boolean> {
    const plan = planOf(row);
    let decided: { decision: AgentDecision; tokens: number };
    try {
      const steps = this.d.store.steps(row.run_id);
      decided = plan
        ? { decision: playbookNextStep(plan, steps), tokens: 0 }
        : await within(
            ms,
            `planning step ${row.steps_used + 1}`,
            this.d.planner.next({ goal: row.goal, template, steps, tools: template.tools }, ms, signal),
          );
    } catch (err) {
      if (signal.aborted) return false;
      const message = err instanceof CodedError ? err.message : 'planning failed';
      return this.end(row, 'failed', `Stopped: ${message}.`);
    }
    const { decision } = decided;
    const planned = this.d.store.atomically(() => {
      if (
        !this.d.store.update(row.run_id, {
          steps_used: row.steps_used + 1,
          tokens_used: row.tokens_used + decided.tokens,
        })
      ) {
        return false;
      }
      this.addStep(row, { kind: 'plan', text: describeDecision(decision), decision });
      return true;
    });
    if (!planned) return false;
    const current = this.d.store.get(row.run_id) as RunRow;
    switch (decision.action) {
      case 'finish':
        if (this.activeChildren(current).length)
          return this.wait(current, 'waiting_children', 'Waiting for its sub-agents before finishing.');
        return this.end(current, 'completed', 'Reached the goal.', decision.result);
      case 'give_up':
        return this.end(current, 'failed', decision.reason);
      case 'spawn':
        return this.spawn(current, decision);
      default: {
        const preApproved = plan?.[current.steps_used - 1]?.pre_approved === true;
        return this.propose(current, template, decision, preApproved);
      }
    }
  }

  /** Checks a planned action against the template and the tool policy, then raises its card (or runs it). */
  private async propose(
    row: RunRow,
    template: AgentTemplate,
    decision: Acting,
    preApproved: boolean,
  ): Promise<boolean> {
    const checked = await checkAction(this.d, row, template, decision);
    if ('refusal' in checked) return this.note(row, checked.refusal);
    const { args } = checked;
    const auto =
      (decision.action === 'query_memory' &&
        this.d.limits.autoApproveMemory &&
        template.auto_approve.includes('query_memory')) ||
      preApproved;
    const action = this.d.store.atomically(() => {
      const created = this.d.actions.create({
        job_id: row.run_id,
        session_id: row.session_id,
        twin_id: row.twin_id,
        kind: decision.action,
        args,
        preApproved: auto,
      });
      this.addStep(row, {
        kind: 'action',
        text: `Asks for ${actionPhrase(decision)}.`,
        decision,
        action_id: created.action_id,
      });
      if (auto) {
        const why = preApproved
          ? 'this exact step was pre-approved in the playbook'
          : 'memory searches of this agent are pre-approved by the owner';
        this.addStep(row, {
          kind: 'approval',
          outcome: 'pre_approved',
          action_id: created.action_id,
          text: `Runs without a card: ${why}.`,
        });
      } else {
        this.d.store.update(row.run_id, {
          status: 'waiting_approval',
          reason: `Waiting for approval of ${actionPhrase(decision)}.`,
        });
      }
      return created;
    });
    this.d.events.emit({ type: 'action.proposed', action, bypass: auto });
    this.emitRun(row.run_id);
    if (!auto) return false;
    this.toExecute.add(action.action_id);
    return true;
  }

  /** The last action of the run when it was approved in this process and has not run yet. */
  private approvedAction(row: RunRow): PendingAction | null {
    if (!this.toExecute.size) return null;
    const last = this.d.store.lastActionId(row.run_id);
    if (!last || !this.toExecute.has(last)) return null;
    const action = this.d.actions.get(last);
    return action?.status === 'approved' ? action : null;
  }

  private async execute(row: RunRow, action: PendingAction, ms: number): Promise<boolean> {
    this.toExecute.delete(action.action_id);
    if (action.kind === 'execute_tool') this.inTool.set(row.run_id, action.action_id);
    let result: ActionResult;
    try {
      result = await within(ms, `step ${row.steps_used}`, this.d.executor.run(action));
    } catch (err) {
      const message = err instanceof CodedError ? err.message : 'the action failed unexpectedly';
      if (!(err instanceof CodedError))
        this.d.logger.error({ err, action_id: action.action_id }, 'agent action failed');
      this.d.actions.finish(action.action_id, { status: 'failed', error: message });
      this.d.events.emit({ type: 'action.failed', action, error: message });
      if (err instanceof CodedError && err.code === 'deadline_exceeded')
        return this.end(row, 'failed', `Stopped: ${message}.`);
      return this.note(row, `The action failed: ${message}`, action.action_id);
    } finally {
      this.inTool.delete(row.run_id);
    }
    this.recordResult(row, action, result);
    return true;
  }

  private spawn(row: RunRow, decision: Extract<AgentDecision, { action: 'spawn' }>): boolean {
    const refused = spawnRefusal(this.d, row, decision.template);
    if (refused) return this.note(row, `The sub-agent was not started: ${refused}`);
    const child = this.d.store.atomically(() => {
      const created = this.createChild(row, decision.template, decision.goal, 'agent');
      this.addStep(row, {
        kind: 'spawn',
        child_run_id: created.run_id,
        decision,
        text: `Started the ${decision.template} agent: ${decision.goal}`,
      });
      this.d.store.update(row.run_id, {
        status: 'waiting_children',
        reason: `Waiting for the ${decision.template} agent.`,
      });
      return created;
    });
    this.emitRun(child.run_id);
    this.emitRun(row.run_id);
    this.drive(child.run_id);
    return false;
  }

  /** Ends a run, its sub-agents with it, and tells its parent. Returns false (the loop stops). */
  end(
    row: RunRow,
    status: 'completed' | 'failed' | 'stopped' | 'interrupted',
    reason: string,
    result?: string,
  ): boolean {
    const ended = this.d.store.atomically(() => {
      if (!this.d.store.update(row.run_id, { status, reason, result: result ?? null })) return false;
      this.addStep(row, { kind: 'end', text: result ?? reason });
      this.d.actions.withdrawPending(row.run_id, `the agent run ${status}`);
      const unstarted = this.approvedAction(row);
      if (unstarted) {
        this.toExecute.delete(unstarted.action_id);
        this.d.actions.finish(unstarted.action_id, {
          status: 'failed',
          error: `the agent run ${status} before it ran`,
        });
      }
      return true;
    });
    if (!ended) return false;
    this.abort(row.run_id);
    for (const child of this.activeChildren(row))
      this.end(child, 'stopped', `Stopped with its parent run (${status}).`);
    this.emitRun(row.run_id);
    if (row.parent_run_id) this.tellParent(row.parent_run_id, row.run_id);
    return false;
  }
}
