import { EventEmitter } from 'node:events';
import type { TemplateRegistry } from '@pagi/agents';
import type { ActionResult, AgentEvent, AgentStep, AgentTemplate, PendingAction, RunStatus } from '@pagi/contracts';
import type { Logger } from '@pagi/runtime';
import type { ChatEvents } from '../chat/chat-events.ts';
import type { ToolsClient } from '../deps/tools-client.ts';
import type { ActionExecutor } from '../hitl/action-executor.ts';
import type { PendingActionStore } from '../hitl/pending-actions.ts';
import type { AgentPlanner } from './agent-planner.ts';
import { type NewStep, type RunRow, type RunStore, runEnded } from './run-store.ts';
import { observe } from './step-text.ts';

export interface RunLimits {
  /** How deep sub-agents may nest (a person's run is depth 0). */
  maxDepth: number;
  /** Sub-agents one run may have. */
  maxChildren: number;
  /** The owner lets templates that ask for it search memory without a card. */
  autoApproveMemory: boolean;
  namespace: string;
  /** The model's price, for templates with a money budget; without it only token budgets apply. */
  usdPerMillionTokens?: number;
}

export interface RunLoopDeps {
  store: RunStore;
  templates: TemplateRegistry;
  actions: PendingActionStore;
  executor: ActionExecutor;
  tools: ToolsClient;
  planner: AgentPlanner;
  events: ChatEvents;
  logger: Logger;
  limits: RunLimits;
  now: () => number;
}

/**
 * What a run's loop writes: steps, sub-agent runs and observations, each stored and then announced as an AgentEvent
 * (with the run's owner, so a stream shows each person only their runs).
 */
export abstract class RunSteps extends EventEmitter<{ event: [AgentEvent, string]; closed: [] }> {
  readonly d: RunLoopDeps;

  constructor(deps: RunLoopDeps) {
    super();
    this.d = deps;
  }

  /** Runs the run's loop (see RunLoop). */
  abstract drive(runId: string): void;

  /** An action's outcome: the action is finished and the observation stored (also after a restart). */
  recordResult(row: RunRow, action: PendingAction, result: ActionResult): void {
    this.d.store.atomically(() => {
      this.d.actions.finish(action.action_id, { status: 'executed', result });
      this.addStep(row, { kind: 'observation', text: observe(result), action_id: action.action_id, result });
    });
    this.d.events.emit({ type: 'action.executed', action: this.d.actions.get(action.action_id) ?? action, result });
  }

  createChild(parent: RunRow, template: string, goal: string, source: 'agent' | 'person'): RunRow {
    const t = this.d.templates.get(template) as AgentTemplate;
    return this.d.store.create({
      user_id: parent.user_id,
      template,
      goal,
      parent_run_id: parent.run_id,
      root_run_id: parent.root_run_id,
      depth: parent.depth + 1,
      session_id: parent.session_id,
      twin_id: parent.twin_id,
      source,
      playbook: null,
      schedule_id: null,
      plan_json: null,
      max_steps: t.max_steps,
    });
  }

  activeChildren(row: RunRow): RunRow[] {
    return this.d.store.children(row.run_id).filter((c) => !runEnded(c));
  }

  /** A step that did not act (refused by the rules, failed): stored for the planner to see; the run goes on. */
  protected note(row: RunRow, text: string, actionId?: string): boolean {
    this.addStep(row, { kind: 'error', text, ...(actionId ? { action_id: actionId } : {}) });
    return true;
  }

  protected wait(row: RunRow, status: RunStatus, reason: string): boolean {
    this.d.store.update(row.run_id, { status, reason });
    this.emitRun(row.run_id);
    return false;
  }

  addStep(row: RunRow, step: NewStep): AgentStep {
    const stored = this.d.store.addStep(row.run_id, step);
    this.emit('event', { type: 'step', run_id: row.run_id, root_run_id: row.root_run_id, step: stored }, row.user_id);
    return stored;
  }

  emitRun(runId: string): void {
    const row = this.d.store.get(runId);
    if (row) this.emit('event', { type: 'run', run: this.d.store.summary(row) }, row.user_id);
  }

  /** A sub-agent ended: its parent gets the result, and goes on once none of its sub-agents is still working. */
  protected tellParent(parentId: string, childId: string): void {
    const parent = this.d.store.get(parentId);
    const child = this.d.store.get(childId);
    if (!parent || !child || runEnded(parent)) return;
    const outcome =
      child.status === 'completed' ? `finished: ${child.result ?? ''}` : `${child.status}: ${child.reason}`;
    this.addStep(parent, {
      kind: 'child_result',
      child_run_id: child.run_id,
      text: `The ${child.template} agent ${outcome}`.slice(0, 4000),
    });
    if (parent.status === 'waiting_children' && !this.activeChildren(parent).length) {
      this.d.store.update(parent.run_id, { status: 'running', reason: 'Planning the next step.' });
      this.emitRun(parent.run_id);
      this.drive(parent.run_id);
    }
  }
}
