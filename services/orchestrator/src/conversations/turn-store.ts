import type { ChatResponse, SessionTurn, TurnStatus } from '@pagi/contracts';
import type { ChatEvents } from '../chat/chat-events.ts';
import { type Db, statement } from '../state/db.ts';

interface Row {
  job_id: string;
  session_id: string;
  twin_id: string;
  message: string;
  status: TurnStatus;
  response_json: string;
  created_at: number;
  updated_at: number;
}

const toTurn = (r: Row): SessionTurn => ({
  job_id: r.job_id,
  session_id: r.session_id,
  twin_id: r.twin_id,
  message: r.message,
  status: r.status,
  response: JSON.parse(r.response_json) as ChatResponse,
  created_at: new Date(r.created_at).toISOString(),
  updated_at: new Date(r.updated_at).toISOString(),
});

/** Conversations as durable turns: the person's message and the latest answer to it (updated after approval). */
export class TurnStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  save(input: { twin_id: string; message: string; response: ChatResponse }): void {
    const now = Date.now();
    statement(
      this.db,
      `INSERT INTO turns (job_id, session_id, twin_id, message, status, response_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.response.job_id,
      input.response.session_id,
      input.twin_id,
      input.message,
      input.response.status,
      JSON.stringify(input.response),
      now,
      now,
    );
  }

  /** Replaces a turn's answer, e.g. with the final answer once its action ran or was denied. */
  update(response: ChatResponse): void {
    statement(this.db, 'UPDATE turns SET status = ?, response_json = ?, updated_at = ? WHERE job_id = ?').run(
      response.status,
      JSON.stringify(response),
      Date.now(),
      response.job_id,
    );
  }

  get(jobId: string): SessionTurn | null {
    const row = statement(this.db, 'SELECT * FROM turns WHERE job_id = ?').get(jobId) as Row | undefined;
    return row ? toTurn(row) : null;
  }

  /** The session's turns, oldest first (the last `limit` of them). */
  forSession(sessionId: string, limit = 200): SessionTurn[] {
    const rows = statement(
      this.db,
      'SELECT * FROM turns WHERE session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
    ).all(sessionId, limit) as Row[];
    return rows.reverse().map(toTurn);
  }

  /**
   * The last `limit` exchanges of a session, oldest first: each message and the text answered to it. Only those two
   * are read (the planner's context), not the whole recorded answer with its action results.
   */
  recentExchanges(sessionId: string, limit: number): { job_id: string; message: string; response: string }[] {
    const rows = statement(
      this.db,
      `SELECT job_id, message, json_extract(response_json, '$.response') AS response FROM turns
       WHERE session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    ).all(sessionId, limit) as { job_id: string; message: string; response: string | null }[];
    return rows.reverse().map((r) => ({ ...r, response: r.response ?? '' }));
  }
}

/** Keeps the turn history: a turn is saved when it is first answered, and its answer replaced after a decision. */
export function recordTurns(events: ChatEvents, turns: TurnStore): void {
  events.subscribe((e) => {
    if (e.type !== 'turn.answered') return;
    if (e.phase === 'planned') turns.save({ twin_id: e.twin_id, message: e.message, response: e.response });
    else turns.update(e.response);
  });
}
