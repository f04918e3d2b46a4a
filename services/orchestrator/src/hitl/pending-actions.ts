import { randomBytes } from 'node:crypto';
import type { ActionArgs, ActionKind, ActionResult, ActionStatus, ErrorCode, PendingAction } from '@pagi/contracts';
import type { Decision } from '../chat/chat-events.ts';
import { type Db, statement } from '../state/db.ts';
import { argsHash } from './args-hash.ts';

interface Row {
  action_id: string;
  job_id: string;
  session_id: string;
  twin_id: string;
  kind: ActionKind;
  args_json: string;
  args_hash: string;
  status: ActionStatus;
  created_at: number;
  expires_at: number;
  decided_at: number | null;
  result_json: string | null;
  error: string | null;
}

/** Why a decision was refused, as a code of the error table. */
export type Refusal = {
  ok: false;
  code: Extract<ErrorCode, 'not_found' | 'already_decided' | 'expired' | 'integrity'>;
  message: string;
};

export type ClaimResult = { ok: true; action: PendingAction } | Refusal;

export interface StoredAction extends PendingAction {
  result?: ActionResult;
  error?: string;
}

const toAction = (r: Row): StoredAction => ({
  action_id: r.action_id,
  job_id: r.job_id,
  session_id: r.session_id,
  twin_id: r.twin_id,
  kind: r.kind,
  args: JSON.parse(r.args_json) as ActionArgs,
  args_hash: r.args_hash,
  status: r.status,
  created_at: new Date(r.created_at).toISOString(),
  expires_at: new Date(r.expires_at).toISOString(),
  decided_at: r.decided_at === null ? null : new Date(r.decided_at).toISOString(),
  ...(r.result_json ? { result: JSON.parse(r.result_json) as ActionResult } : {}),
  ...(r.error ? { error: r.error } : {}),
});

/**
 * Durable pending actions: the human-in-the-loop boundary. Every state change is a conditional UPDATE that only
 * succeeds from the expected state, so an action is decided once and executed at most once, even under races.
 */
export class PendingActionStore {
  private readonly db: Db;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(db: Db, opts: { ttlSeconds: number; now?: () => number }) {
    this.db = db;
    this.ttlMs = opts.ttlSeconds * 1000;
    this.now = opts.now ?? Date.now;
  }

  /** Stores a new action; `preApproved` is for HITL bypass, where no person is asked. */
  create(input: {
    job_id: string;
    session_id: string;
    twin_id: string;
    kind: ActionKind;
    args: ActionArgs;
    preApproved?: boolean;
  }): PendingAction {
    const now = this.now();
    const row: Row = {
      // 192 random bits: not guessable, not enumerable.
      action_id: `act_${randomBytes(24).toString('base64url')}`,
      job_id: input.job_id,
      session_id: input.session_id,
      twin_id: input.twin_id,
      kind: input.kind,
      args_json: JSON.stringify(input.args),
      args_hash: argsHash(input.kind, input.args),
      status: input.preApproved ? 'approved' : 'pending',
      created_at: now,
      expires_at: now + this.ttlMs,
      decided_at: input.preApproved ? now : null,
      result_json: null,
      error: null,
    };
    statement(
      this.db,
      `INSERT INTO pending_actions (action_id, job_id, session_id, twin_id, kind, args_json, args_hash, status,
           created_at, expires_at, decided_at, result_json, error)
         VALUES (@action_id, @job_id, @session_id, @twin_id, @kind, @args_json, @args_hash, @status,
           @created_at, @expires_at, @decided_at, @result_json, @error)`,
    ).run(row);
    return toAction(row);
  }

  get(actionId: string): StoredAction | null {
    const row = statement(this.db, 'SELECT * FROM pending_actions WHERE action_id = ?').get(actionId) as
      | Row
      | undefined;
    return row ? toAction(row) : null;
  }

  listForSession(sessionId: string, limit = 200): StoredAction[] {
    this.expireDue();
    const rows = statement(
      this.db,
      'SELECT * FROM pending_actions WHERE session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
    ).all(sessionId, limit) as Row[];
    return rows.map(toAction);
  }

  /** Actions approved but never finished: the orchestrator stopped while they ran (resolved at start-up). */
  unfinished(): StoredAction[] {
    const rows = statement(
      this.db,
      `SELECT * FROM pending_actions WHERE status = 'approved' ORDER BY decided_at, rowid`,
    ).all() as Row[];
    return rows.map(toAction);
  }

  countPending(): number {
    this.expireDue();
    const r = statement(this.db, `SELECT COUNT(*) AS n FROM pending_actions WHERE status = 'pending'`).get() as {
      n: number;
    };
    return r.n;
  }

  /** Marks every pending action past its expiry as expired; returns how many. */
  expireDue(): number {
    return statement(
      this.db,
      `UPDATE pending_actions SET status = 'expired' WHERE status = 'pending' AND expires_at <= ?`,
    ).run(this.now()).changes;
  }

  /**
   * The only way out of `pending`: the owning session decides before expiry. The final UPDATE is conditional on the
   * row still being pending, unexpired and owned by that session, so concurrent decisions cannot both win.
   */
  decide(actionId: string, sessionId: string, decision: Decision): ClaimResult {
    const now = this.now();
    const row = statement(this.db, 'SELECT * FROM pending_actions WHERE action_id = ?').get(actionId) as
      | Row
      | undefined;
    if (!row) return refuse('not_found', 'no such action');
    // Another session's action is, to this session, an action that does not exist.
    if (row.session_id !== sessionId) return refuse('not_found', 'no such action in this session');
    if (row.status === 'pending' && row.expires_at <= now) {
      statement(
        this.db,
        `UPDATE pending_actions SET status = 'expired' WHERE action_id = ? AND status = 'pending'`,
      ).run(actionId);
      return refuse('expired', 'this action expired before it was approved; ask again');
    }
    if (row.status === 'expired') return refuse('expired', 'this action expired before it was approved; ask again');
    if (row.status !== 'pending') return refuse('already_decided', `this action was already ${row.status}`);
    if (argsHash(row.kind, JSON.parse(row.args_json)) !== row.args_hash) {
      statement(
        this.db,
        `UPDATE pending_actions SET status = 'failed', error = ? WHERE action_id = ? AND status = 'pending'`,
      ).run('arguments do not match their hash', actionId);
      return refuse('integrity', 'the stored arguments no longer match what was shown; refused');
    }
    const changed = statement(
      this.db,
      `UPDATE pending_actions SET status = ?, decided_at = ?
         WHERE action_id = ? AND session_id = ? AND status = 'pending' AND expires_at > ?`,
    ).run(decision, now, actionId, sessionId, now).changes;
    if (changed !== 1) {
      const again = this.get(actionId);
      return again?.status === 'expired'
        ? refuse('expired', 'this action expired before it was approved; ask again')
        : refuse('already_decided', `this action was already ${again?.status ?? 'decided'}`);
    }
    return { ok: true, action: toAction({ ...row, status: decision, decided_at: now }) };
  }

  /** Withdraws the job's actions still waiting for a person (an agent run was stopped): they become denied. */
  withdrawPending(jobId: string, reason: string): number {
    return statement(
      this.db,
      `UPDATE pending_actions SET status = 'denied', decided_at = ?, error = ? WHERE job_id = ? AND status = 'pending'`,
    ).run(this.now(), reason, jobId).changes;
  }

  /** Records the outcome of an approved action; only an approved action can finish, and only once. */
  finish(
    actionId: string,
    outcome: { status: 'executed' | 'failed' | 'interrupted'; result?: ActionResult; error?: string },
  ): void {
    statement(
      this.db,
      `UPDATE pending_actions SET status = ?, result_json = ?, error = ? WHERE action_id = ? AND status = 'approved'`,
    ).run(outcome.status, outcome.result ? JSON.stringify(outcome.result) : null, outcome.error ?? null, actionId);
  }
}

function refuse(code: Refusal['code'], message: string): Refusal {
  return { ok: false, code, message };
}
