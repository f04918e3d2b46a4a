import { randomBytes } from 'node:crypto';
import {
  type ActionResult,
  type AgentDecision,
  type AgentRunSummary,
  type AgentStep,
  FINAL_RUN_STATUSES,
  type PlaybookStep,
  type RunStatus,
} from '@pagi/contracts';
import { type Db, statement } from '../state/db.ts';

/** A run as stored: the summary's fields plus what only the twin needs (owner, twin, a playbook's fixed steps). */
export interface RunRow {
  run_id: string;
  user_id: string;
  template: string;
  goal: string;
  parent_run_id: string | null;
  root_run_id: string;
  depth: number;
  session_id: string;
  twin_id: string;
  status: RunStatus;
  reason: string;
  result: string | null;
  source: AgentRunSummary['source'];
  playbook: string | null;
  schedule_id: string | null;
  plan_json: string | null;
  steps_used: number;
  max_steps: number;
  tokens_used: number;
  active_ms: number;
  created_at: number;
  updated_at: number;
  ended_at: number | null;
}

interface StepRow {
  run_id: string;
  seq: number;
  kind: AgentStep['kind'];
  at: number;
  text: string;
  decision_json: string | null;
  action_id: string | null;
  outcome: AgentStep['outcome'] | null;
  result_json: string | null;
  child_run_id: string | null;
}

export type NewRun = Omit<
  RunRow,
  | 'run_id'
  | 'root_run_id'
  | 'session_id'
  | 'status'
  | 'reason'
  | 'result'
  | 'steps_used'
  | 'tokens_used'
  | 'active_ms'
  | 'created_at'
  | 'updated_at'
  | 'ended_at'
> & { root_run_id?: string; session_id?: string };
export type NewStep = Omit<AgentStep, 'seq' | 'at'>;
export type RunPatch = Partial<
  Pick<RunRow, 'status' | 'reason' | 'result' | 'steps_used' | 'tokens_used' | 'active_ms' | 'ended_at'>
>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const isFinal = (s: RunStatus) => FINAL_RUN_STATUSES.includes(s);
const FINAL_SQL = `('${FINAL_RUN_STATUSES.join("','")}')`;

/** Agent runs and their steps in the orchestrator's database, next to the pending actions they raise. */
export class RunStore {
  private readonly db: Db;
  private readonly now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.db = db;
    this.now = now;
  }

  /** Runs `fn` in one transaction (a step, its action and the run's new status are stored together). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** A new run, running; a run without a parent starts its own tree and session (`agents:<run id>`). */
  create(input: NewRun): RunRow {
    const now = this.now();
    const runId = `run_${randomBytes(12).toString('base64url')}`;
    const row: RunRow = {
      ...input,
      run_id: runId,
      root_run_id: input.root_run_id ?? runId,
      session_id: input.session_id ?? `agents:${runId}`,
      status: 'running',
      reason: 'planning the first step',
      result: null,
      steps_used: 0,
      tokens_used: 0,
      active_ms: 0,
      created_at: now,
      updated_at: now,
      ended_at: null,
    };
    statement(
      this.db,
      `INSERT INTO agent_runs (run_id, user_id, template, goal, parent_run_id, root_run_id, depth, session_id, twin_id,
         status, reason, result, source, playbook, schedule_id, plan_json, steps_used, max_steps, tokens_used,
         active_ms, created_at, updated_at, ended_at)
       VALUES (@run_id, @user_id, @template, @goal, @parent_run_id, @root_run_id, @depth, @session_id, @twin_id,
         @status, @reason, @result, @source, @playbook, @schedule_id, @plan_json, @steps_used, @max_steps,
         @tokens_used, @active_ms, @created_at, @updated_at, @ended_at)`,
    ).run(row);
    return row;
  }

  get(runId: string): RunRow | null {
    return (statement(this.db, 'SELECT * FROM agent_runs WHERE run_id = ?').get(runId) as RunRow | undefined) ?? null;
  }

  /**
   * Changes a run that has not ended; false when it has (a stop won the race). Ending it sets `ended_at`.
   */
  update(runId: string, patch: RunPatch): boolean {
    const now = this.now();
    const fields = { ...patch, updated_at: now } as Record<string, unknown>;
    if (patch.status && isFinal(patch.status)) fields.ended_at = now;
    const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
    return (
      statement(
        this.db,
        `UPDATE agent_runs SET ${sets.join(', ')} WHERE run_id = @run_id AND status NOT IN ${FINAL_SQL}`,
      ).run({ ...fields, run_id: runId }).changes === 1
    );
  }

  /** Working time of a loop's stretch, added whatever the run's status (it may have just ended). */
  addActiveTime(runId: string, ms: number): void {
    statement(this.db, 'UPDATE agent_runs SET active_ms = active_ms + ? WHERE run_id = ?').run(
      Math.max(0, Math.round(ms)),
      runId,
    );
  }

  addStep(runId: string, step: NewStep): AgentStep {
    const last = statement(this.db, 'SELECT MAX(seq) AS seq FROM agent_steps WHERE run_id = ?').get(runId) as {
      seq: number | null;
    };
    const row: StepRow = {
      run_id: runId,
      seq: (last.seq ?? 0) + 1,
      kind: step.kind,
      at: this.now(),
      text: step.text,
      decision_json: step.decision ? JSON.stringify(step.decision) : null,
      action_id: step.action_id ?? null,
      outcome: step.outcome ?? null,
      result_json: step.result ? JSON.stringify(step.result) : null,
      child_run_id: step.child_run_id ?? null,
    };
    statement(
      this.db,
      `INSERT INTO agent_steps (run_id, seq, kind, at, text, decision_json, action_id, outcome, result_json, child_run_id)
       VALUES (@run_id, @seq, @kind, @at, @text, @decision_json, @action_id, @outcome, @result_json, @child_run_id)`,
    ).run(row);
    return toStep(row);
  }

  /** The action of the run's latest action step. */
  lastActionId(runId: string): string | null {
    const row = statement(
      this.db,
      `SELECT action_id FROM agent_steps WHERE run_id = ? AND kind = 'action' ORDER BY seq DESC LIMIT 1`,
    ).get(runId) as { action_id: string } | undefined;
    return row?.action_id ?? null;
  }

  steps(runId: string): AgentStep[] {
    const rows = statement(this.db, 'SELECT * FROM agent_steps WHERE run_id = ? ORDER BY seq').all(runId) as StepRow[];
    return rows.map(toStep);
  }

  children(runId: string): RunRow[] {
    return statement(this.db, 'SELECT * FROM agent_runs WHERE parent_run_id = ? ORDER BY created_at, rowid').all(
      runId,
    ) as RunRow[];
  }

  /** The person's runs, newest first (children included, so a client can draw the trees). */
  listForUser(userId: string, limit: number): RunRow[] {
    return statement(
      this.db,
      'SELECT * FROM agent_runs WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
    ).all(userId, limit) as RunRow[];
  }

  /** Runs that have not ended (resumed, or swept for expired approvals). */
  unfinished(): RunRow[] {
    return statement(
      this.db,
      `SELECT * FROM agent_runs WHERE status NOT IN ${FINAL_SQL} ORDER BY created_at, rowid`,
    ).all() as RunRow[];
  }

  /** Ids of the run's actions still waiting for a person. */
  pendingActionIds(runId: string): string[] {
    const rows = statement(
      this.db,
      `SELECT action_id FROM pending_actions WHERE job_id = ? AND status = 'pending' ORDER BY created_at, rowid`,
    ).all(runId) as { action_id: string }[];
    return rows.map((r) => r.action_id);
  }

  summary(row: RunRow): AgentRunSummary {
    return {
      run_id: row.run_id,
      template: row.template,
      goal: row.goal,
      parent_run_id: row.parent_run_id,
      root_run_id: row.root_run_id,
      depth: row.depth,
      session_id: row.session_id,
      status: row.status,
      reason: row.reason,
      result: row.result,
      source: row.source,
      playbook: row.playbook,
      schedule_id: row.schedule_id,
      steps_used: row.steps_used,
      max_steps: row.max_steps,
      tokens_used: row.tokens_used,
      pending_action_ids: this.pendingActionIds(row.run_id),
      children: this.children(row.run_id).map((c) => c.run_id),
      created_at: iso(row.created_at) as string,
      updated_at: iso(row.updated_at) as string,
      ended_at: iso(row.ended_at),
    };
  }
}

/** A playbook run's fixed steps, when it has them. */
export const planOf = (row: RunRow): PlaybookStep[] | null =>
  row.plan_json ? (JSON.parse(row.plan_json) as PlaybookStep[]) : null;

export const runEnded = (row: RunRow) => isFinal(row.status);

function toStep(r: StepRow): AgentStep {
  return {
    seq: r.seq,
    kind: r.kind,
    at: new Date(r.at).toISOString(),
    text: r.text,
    ...(r.decision_json ? { decision: JSON.parse(r.decision_json) as AgentDecision } : {}),
    ...(r.action_id ? { action_id: r.action_id } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
    ...(r.result_json ? { result: JSON.parse(r.result_json) as ActionResult } : {}),
    ...(r.child_run_id ? { child_run_id: r.child_run_id } : {}),
  };
}
