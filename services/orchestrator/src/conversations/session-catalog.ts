import { CodedError, type SessionSummary } from '@pagi/contracts';
import { type Db, statement } from '../state/db.ts';

const TITLE_CHARS = 60;
const MATCH_CHARS = 140;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Text as searches compare it: Unicode case folded (SQLite's own LIKE folds ASCII letters only, so "ärger" would miss
 * "Ärger") and in one normal form. A search matches `q` literally: no character in it is a wildcard.
 */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** The part of `text` around the first case-insensitive occurrence of `q`, on one line. */
function excerptAround(text: string, q: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return clip(flat, MATCH_CHARS);
  const start = Math.max(0, at - Math.floor((MATCH_CHARS - q.length) / 2));
  const piece = flat.slice(start, start + MATCH_CHARS);
  return `${start > 0 ? '…' : ''}${piece}${start + MATCH_CHARS < flat.length ? '…' : ''}`;
}

interface Row {
  session_id: string;
  twin_id: string;
  turns: number;
  last_activity: number;
  title: string | null;
  first: string;
  pending: number;
}

/**
 * A person's conversations as a list they manage: listed (and searched) most recent first, renamed, deleted. Only
 * the owner sees or changes one; to anyone else it does not exist.
 */
export class SessionCatalog {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    db.function('fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : null));
  }

  /**
   * The person's sessions with turns, each with the actions waiting in it; with `q`, those whose title, messages or
   * answers contain it.
   */
  list(userId: string, opts: { twinId?: string; q?: string; limit: number }): SessionSummary[] {
    const q = opts.q?.trim() || null;
    const rows = statement(
      this.db,
      `SELECT t.session_id, t.twin_id, COUNT(*) AS turns, MAX(t.updated_at) AS last_activity, o.title,
           (SELECT message FROM turns f WHERE f.session_id = t.session_id ORDER BY created_at, rowid LIMIT 1) AS first,
           (SELECT COUNT(*) FROM pending_actions p
              WHERE p.session_id = t.session_id AND p.status = 'pending' AND p.expires_at > @now) AS pending
         FROM turns t JOIN session_owners o ON o.session_id = t.session_id AND o.user_id = @user
         WHERE (@twin IS NULL OR t.twin_id = @twin)
         GROUP BY t.session_id
         HAVING @q IS NULL OR instr(fold(COALESCE(o.title, first)), @q) > 0
           OR SUM(instr(fold(t.message), @q) > 0 OR instr(fold(json_extract(t.response_json, '$.response')), @q) > 0) > 0
         ORDER BY last_activity DESC LIMIT @limit`,
    ).all({
      user: userId,
      twin: opts.twinId ?? null,
      q: q ? fold(q) : null,
      limit: opts.limit,
      now: Date.now(),
    }) as Row[];
    return rows.map((r) => {
      const match = q ? this.firstMatch(r.session_id, q) : undefined;
      return {
        session_id: r.session_id,
        twin_id: r.twin_id,
        title: r.title ?? clip(r.first, TITLE_CHARS),
        turns: r.turns,
        last_activity_at: new Date(r.last_activity).toISOString(),
        pending_actions: r.pending,
        ...(match ? { match } : {}),
      };
    });
  }

  /** Names the conversation; the name replaces its first message as its title. */
  rename(sessionId: string, userId: string, title: string): { session_id: string; title: string } {
    const changed = statement(this.db, 'UPDATE session_owners SET title = ? WHERE session_id = ? AND user_id = ?').run(
      title,
      sessionId,
      userId,
    );
    if (changed.changes === 0) throw new CodedError('not_found', 'no such session');
    return { session_id: sessionId, title };
  }

  /**
   * Deletes the conversation: its turns, its actions (a pending one can no longer be approved) and the ownership
   * record, in one transaction. The audit trail keeps what happened in it.
   */
  remove(sessionId: string, userId: string): { turns: number; actions: number } {
    return this.db.transaction(() => {
      const owned = statement(this.db, 'DELETE FROM session_owners WHERE session_id = ? AND user_id = ?').run(
        sessionId,
        userId,
      );
      if (owned.changes === 0) throw new CodedError('not_found', 'no such session');
      const turns = statement(this.db, 'DELETE FROM turns WHERE session_id = ?').run(sessionId).changes;
      const actions = statement(this.db, 'DELETE FROM pending_actions WHERE session_id = ?').run(sessionId).changes;
      return { turns, actions };
    })();
  }

  /** An excerpt of the session's first message or answer containing `q` (none when only the title matched). */
  private firstMatch(sessionId: string, q: string): string | undefined {
    const row = statement(
      this.db,
      `SELECT message, json_extract(response_json, '$.response') AS response FROM turns
         WHERE session_id = @session AND (instr(fold(message), @q) > 0
           OR instr(fold(json_extract(response_json, '$.response')), @q) > 0)
         ORDER BY created_at, rowid LIMIT 1`,
    ).get({ session: sessionId, q: fold(q) }) as { message: string; response: string | null } | undefined;
    if (!row) return undefined;
    const text = fold(row.message).includes(fold(q)) ? row.message : (row.response ?? '');
    return excerptAround(text, q);
  }
}
