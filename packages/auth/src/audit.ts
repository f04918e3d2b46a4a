import type { AuthAuditEntry } from '@pagi/contracts';
import { type AuthDb, prepared } from './db.ts';

/** Sign-ins, sign-outs, keys and role changes: who did what, kept with the accounts. */
export class AuthAudit {
  private readonly db: AuthDb;

  constructor(db: AuthDb) {
    this.db = db;
  }

  record(actor: string, event: string, detail: Record<string, unknown>, now: number): void {
    prepared(this.db, 'INSERT INTO auth_audit (ts, actor, event, detail_json) VALUES (?, ?, ?, ?)').run(
      now,
      actor,
      event,
      JSON.stringify(detail),
    );
  }

  recent(limit: number): AuthAuditEntry[] {
    const rows = prepared(this.db, 'SELECT * FROM auth_audit ORDER BY id DESC LIMIT ?').all(limit) as {
      id: number;
      ts: number;
      actor: string;
      event: string;
      detail_json: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      ts: new Date(r.ts).toISOString(),
      actor: r.actor,
      event: r.event,
      detail: JSON.parse(r.detail_json),
    }));
  }
}
