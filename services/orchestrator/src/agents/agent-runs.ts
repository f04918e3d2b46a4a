import {
  type ActionResult,
  type AgentDecisionResponse,
  type AgentRunDetail,
  type AgentRunSummary,
  CodedError,
  type PendingAction,
  type PlaybookStep,
  type RunStatus,
} from '@pagi/contracts';
import { describeAction } from '../chat/action-args.ts';
import type { Decision } from '../chat/chat-events.ts';
import type { SessionOwners } from '../conversations/session-owners.ts';
import { spawnRefusal } from './run-checks.ts';
import { RunLoop } from './run-loop.ts';
import type { RunLoopDeps } from './run-steps.ts';
import { type RunRow, RunStore, runEnded } from './run-store.ts';

export interface StartRun {
  template: string;
  goal: string;
  twin_id: string;
  user_id: string;
  parent_run_id?: string;
  source?: AgentRunSummary['source'];
  playbook?: string;
  schedule_id?: string;
  /** A playbook's steps, which the run follows instead of planning. */
  plan?: PlaybookStep[];
}

const SWEEP_MS = 15_000;

/**
 * The twin's agent runs: start (a person, a playbook, a schedule, or a run spawning a sub-agent), stop (with the
 * sub-agents), approvals and denials of their actions (through the chat's pending-action store), and resuming after a
 * restart. `loop` drives them; it emits every change as an AgentEvent with the run's owner.
 */
export class AgentRuns {
  readonly store: RunStore;
  readonly loop: RunLoop;
  private readonly owners: SessionOwners;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    deps: Omit<RunLoopDeps, 'store'> & { db: ConstructorParameters<typeof RunStore>[0]; owners: SessionOwners },
  ) {
    this.store = new RunStore(deps.db, deps.now);
    this.loop = new RunLoop({ ...deps, store: this.store });
    this.owners = deps.owners;
  }

  start(input: StartRun): AgentRunSummary {
    const { d } = this.loop;
    const template = d.templates.get(input.template);
    if (!template) throw new CodedError('not_found', `there is no agent template named "${input.template}"`);
    let row: RunRow;
    if (input.parent_run_id) {
      const parent = this.owned(input.parent_run_id, input.user_id);
      if (runEnded(parent))
        throw new CodedError('failed_precondition', `run ${parent.run_id} has ended; it takes no more sub-agents`);
      const refused = spawnRefusal(this.loop.d, parent, input.template);
      if (refused) throw new CodedError('failed_precondition', refused);
      row = this.loop.createChild(parent, input.template, input.goal, 'person');
      this.loop.addStep(parent, {
        kind: 'spawn',
        child_run_id: row.run_id,
        text: `A person started the ${input.template} agent: ${input.goal}`,
      });
    } else {
      row = this.store.create({
        user_id: input.user_id,
        template: input.template,
        goal: input.goal,
        parent_run_id: null,
        depth: 0,
        twin_id: input.twin_id,
        source: input.source ?? 'person',
        playbook: input.playbook ?? null,
        schedule_id: input.schedule_id ?? null,
        plan_json: input.plan ? JSON.stringify(input.plan) : null,
        max_steps: input.plan ? Math.max(template.max_steps, input.plan.length + 1) : template.max_steps,
      });
      this.owners.claim(row.session_id, input.user_id);
    }
    this.loop.emitRun(row.run_id);
    this.loop.drive(row.run_id);
    return this.store.summary(row);
  }

  /** Stops a run and every sub-agent under it; their waiting cards are withdrawn. */
  stop(runId: string, userId: string, by: string): AgentRunSummary {
    const row = this.owned(runId, userId);
    if (runEnded(row)) throw new CodedError('failed_precondition', `run ${runId} has already ${row.status}`);
    this.loop.end(row, 'stopped', `Stopped by ${by}.`);
    return this.store.summary(this.store.get(runId) as RunRow);
  }

  /** True when the action was raised by an agent run (its decision goes to the run, not to a chat turn). */
  owns(action: PendingAction): boolean {
    return action.job_id.startsWith('run_') && this.store.get(action.job_id) !== null;
  }

  /** A person decided on an agent's card (the claim already succeeded): the run records it and goes on. */
  decided(action: PendingAction, decision: Decision, by: string): AgentDecisionResponse {
    const row = this.store.get(action.job_id) as RunRow;
    const text = decision === 'approved' ? `Approved by ${by}.` : `${by} denied the ${describeAction(action)}.`;
    this.store.atomically(() => {
      this.loop.addStep(row, { kind: 'approval', outcome: decision, action_id: action.action_id, text });
      this.store.update(row.run_id, { status: 'running', reason: 'Planning the next step.' });
    });
    if (decision === 'approved') this.loop.approve(action.action_id);
    this.loop.emitRun(row.run_id);
    this.loop.drive(row.run_id);
    return { action: this.loop.d.actions.get(action.action_id) ?? action, run_id: row.run_id };
  }

  /**
   * Settles an agent's action that was approved when the twin stopped: a run that finished meanwhile gives its
   * observation and the run goes on; otherwise the run is marked interrupted. Nothing is run a second time.
   */
  recover(action: PendingAction, outcome: { result: ActionResult } | { interrupted: string }): void {
    const row = this.store.get(action.job_id);
    if (!row) return;
    if ('result' in outcome) {
      this.loop.recordResult(row, action, outcome.result);
      this.loop.drive(row.run_id);
      return;
    }
    this.loop.d.actions.finish(action.action_id, { status: 'interrupted', error: outcome.interrupted });
    this.loop.d.events.emit({ type: 'action.interrupted', action, reason: outcome.interrupted });
    this.loop.end(row, 'interrupted', outcome.interrupted);
  }

  /**
   * After a restart: runs that were planning go on from their last stored step; those whose approved action was in
   * flight wait for the recovery to settle it; waits for people or sub-agents simply go on waiting.
   */
  resume(): number {
    let resumed = 0;
    for (const row of this.store.unfinished()) {
      if (row.status === 'waiting_children' && !this.loop.activeChildren(row).length) {
        this.store.update(row.run_id, { status: 'running', reason: 'Planning the next step.' });
      } else if (row.status !== 'running' || this.inFlightAction(row)) continue;
      this.loop.drive(row.run_id);
      resumed++;
    }
    this.sweeper = setInterval(() => this.sweepExpired(), SWEEP_MS);
    this.sweeper.unref();
    return resumed;
  }

  /** Runs whose card expired unanswered learn it, and plan again (the offline planner gives up). */
  sweepExpired(): void {
    const { actions } = this.loop.d;
    actions.expireDue();
    for (const row of this.store.unfinished()) {
      if (row.status !== 'waiting_approval') continue;
      const last = this.store.lastActionId(row.run_id);
      const action = last ? actions.get(last) : null;
      if (action?.status !== 'expired') continue;
      this.store.atomically(() => {
        this.loop.addStep(row, {
          kind: 'approval',
          outcome: 'expired',
          action_id: action.action_id,
          text: `Nobody decided on the ${describeAction(action)} before it expired.`,
        });
        this.store.update(row.run_id, { status: 'running', reason: 'Planning the next step.' });
      });
      this.loop.emitRun(row.run_id);
      this.loop.drive(row.run_id);
    }
  }

  detail(runId: string, userId: string): AgentRunDetail {
    this.sweepExpired();
    const row = this.owned(runId, userId);
    const summary = this.store.summary(row);
    const { actions } = this.loop.d;
    const pending = summary.pending_action_ids
      .map((id) => actions.get(id))
      .filter((a): a is NonNullable<typeof a> => a !== null)
      .map(({ result: _r, error: _e, ...a }) => a);
    return { ...summary, steps: this.store.steps(runId), pending_actions: pending };
  }

  list(userId: string, limit: number, status?: RunStatus): AgentRunSummary[] {
    this.sweepExpired();
    return this.store
      .listForUser(userId, limit)
      .filter((r) => !status || r.status === status)
      .map((r) => this.store.summary(r));
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.loop.close();
  }

  /** A run of this person; another person's run does not exist for them. */
  private owned(runId: string, userId: string): RunRow {
    const row = this.store.get(runId);
    if (!row || row.user_id !== userId) throw new CodedError('not_found', `no run ${runId}`);
    return row;
  }

  private inFlightAction(row: RunRow): boolean {
    const last = this.store.lastActionId(row.run_id);
    return last ? this.loop.d.actions.get(last)?.status === 'approved' : false;
  }
}
