import type { AuditEntry } from '@pagi/contracts';
import type { Db } from '../state/db.ts';

/** Append-only record of every turn, proposal, approval, denial and execution: who, when, what, result. */
export class AuditLog {
  private readonly insert;
  private readonly bySession;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (ts, actor, event, action_id, job_id, session_id, detail_json)
       VALUES (@ts, @actor, @event, @action_id, @job_id, @session_id, @detail_json)`,
    );
    this.bySession = db.prepare('SELECT * FROM audit_log WHERE session_id = ? ORDER BY id DESC LIMIT ?');
  }

  record(entry: {
    actor: string;
    event: string;
    action_id?: string;
    job_id?: string;
    session_id?: string;
    detail?: Record<string, unknown>;
  }): void {
    this.insert.run({
      ts: Date.now(),
      actor: entry.actor,
      event: entry.event,
      action_id: entry.action_id ?? null,
      job_id: entry.job_id ?? null,
      session_id: entry.session_id ?? null,
      detail_json: JSON.stringify(entry.detail ?? {}),
    });
  }

  forSession(sessionId: string, limit = 500): AuditEntry[] {
    const rows = this.bySession.all(sessionId, limit) as {
      ts: number;
      actor: string;
      event: string;
      action_id: string | null;
      job_id: string | null;
      session_id: string | null;
      detail_json: string;
    }[];
    return rows.map((r) => ({
      ts: new Date(r.ts).toISOString(),
      actor: r.actor,
      event: r.event,
      action_id: r.action_id,
      job_id: r.job_id,
      session_id: r.session_id,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    }));
  }
}
