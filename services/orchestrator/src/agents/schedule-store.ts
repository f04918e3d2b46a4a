import { randomBytes } from 'node:crypto';
import {
  CodedError,
  type Schedule,
  type ScheduleFiring,
  type ScheduleInput,
  type ScheduleTarget,
} from '@pagi/contracts';
import { type Db, statement } from '../state/db.ts';

interface Row {
  id: string;
  user_id: string;
  name: string;
  cron: string;
  timezone: string;
  target_json: string;
  enabled: number;
  missed: Schedule['missed'];
  created_at: number;
  updated_at: number;
  last_fired_at: number | null;
}

export interface StoredSchedule extends Omit<Schedule, 'next_run_at' | 'history' | 'last_fired_at' | 'created_at'> {
  user_id: string;
  created_at: number;
  /** Firings are counted from here: the last one handled, or when the schedule was (re)enabled or changed. */
  since: number;
  last_fired_at: number | null;
}

const HISTORY = 20;

const toSchedule = (r: Row): StoredSchedule => ({
  id: r.id,
  user_id: r.user_id,
  name: r.name,
  cron: r.cron,
  timezone: r.timezone,
  target: JSON.parse(r.target_json) as ScheduleTarget,
  enabled: r.enabled === 1,
  missed: r.missed,
  created_at: r.created_at,
  since: Math.max(r.last_fired_at ?? 0, r.updated_at),
  last_fired_at: r.last_fired_at,
});

/** Schedules and each time one fired (started a run, was missed, or failed to start), in the orchestrator's database. */
export class ScheduleStore {
  private readonly db: Db;
  private readonly now: () => number;

  constructor(db: Db, now: () => number) {
    this.db = db;
    this.now = now;
  }

  create(userId: string, input: ScheduleInput): StoredSchedule {
    const now = this.now();
    const id = `sch_${randomBytes(9).toString('base64url')}`;
    statement(
      this.db,
      `INSERT INTO agent_schedules (id, user_id, name, cron, timezone, target_json, enabled, missed, created_at,
         updated_at, last_fired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ).run(
      id,
      userId,
      input.name,
      input.cron,
      input.timezone,
      JSON.stringify(input.target),
      input.enabled ? 1 : 0,
      input.missed,
      now,
      now,
    );
    return this.get(id);
  }

  /** Replaces a schedule's settings; firings are counted from now (a changed or re-enabled schedule missed nothing). */
  update(id: string, input: ScheduleInput): StoredSchedule {
    this.get(id);
    statement(
      this.db,
      `UPDATE agent_schedules SET name = ?, cron = ?, timezone = ?, target_json = ?, enabled = ?, missed = ?,
         updated_at = ? WHERE id = ?`,
    ).run(
      input.name,
      input.cron,
      input.timezone,
      JSON.stringify(input.target),
      input.enabled ? 1 : 0,
      input.missed,
      this.now(),
      id,
    );
    return this.get(id);
  }

  delete(id: string): void {
    this.get(id);
    statement(this.db, 'DELETE FROM agent_schedules WHERE id = ?').run(id);
    statement(this.db, 'DELETE FROM agent_schedule_firings WHERE schedule_id = ?').run(id);
  }

  get(id: string): StoredSchedule {
    const row = statement(this.db, 'SELECT * FROM agent_schedules WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new CodedError('not_found', `no schedule ${id}`);
    return toSchedule(row);
  }

  list(): StoredSchedule[] {
    return (statement(this.db, 'SELECT * FROM agent_schedules ORDER BY created_at, rowid').all() as Row[]).map(
      toSchedule,
    );
  }

  /** Records a firing and moves the schedule's mark to `upTo` (the latest firing handled). */
  record(id: string, upTo: number, firing: Omit<ScheduleFiring, 'at'>): void {
    this.db.transaction(() => {
      statement(
        this.db,
        `INSERT INTO agent_schedule_firings (schedule_id, scheduled_for, at, outcome, run_id, detail) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(id, Date.parse(firing.scheduled_for), this.now(), firing.outcome, firing.run_id, firing.detail);
      statement(this.db, 'UPDATE agent_schedules SET last_fired_at = ? WHERE id = ?').run(upTo, id);
    })();
  }

  history(id: string): ScheduleFiring[] {
    const rows = statement(
      this.db,
      'SELECT * FROM agent_schedule_firings WHERE schedule_id = ? ORDER BY id DESC LIMIT ?',
    ).all(id, HISTORY) as {
      scheduled_for: number;
      at: number;
      outcome: ScheduleFiring['outcome'];
      run_id: string | null;
      detail: string;
    }[];
    return rows.map((r) => ({
      scheduled_for: new Date(r.scheduled_for).toISOString(),
      at: new Date(r.at).toISOString(),
      outcome: r.outcome,
      run_id: r.run_id,
      detail: r.detail,
    }));
  }
}
