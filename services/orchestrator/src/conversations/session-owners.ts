import { CodedError } from '@pagi/contracts';
import { type Db, statement } from '../state/db.ts';

/**
 * Which person each chat session belongs to. A session is theirs from its first message; to anyone else it does
 * not exist (not_found, never "forbidden", so its existence does not leak).
 */
export class SessionOwners {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  ownerOf(sessionId: string): string | undefined {
    const row = statement(this.db, 'SELECT user_id FROM session_owners WHERE session_id = ?').get(sessionId) as
      | { user_id: string }
      | undefined;
    return row?.user_id;
  }

  /** Before a message: the session becomes the user's if it is new; someone else's session is refused. */
  claim(sessionId: string, userId: string): void {
    statement(this.db, 'INSERT OR IGNORE INTO session_owners (session_id, user_id, created_at) VALUES (?, ?, ?)').run(
      sessionId,
      userId,
      Date.now(),
    );
    this.check(sessionId, userId);
  }

  /** Reading or deciding in a session: it must be the user's (an unknown session is simply empty). */
  check(sessionId: string, userId: string): void {
    const owner = this.ownerOf(sessionId);
    if (owner !== undefined && owner !== userId) throw new CodedError('not_found', 'no such session');
  }

  /** Whether the session exists and is the user's. */
  owns(sessionId: string, userId: string): boolean {
    return this.ownerOf(sessionId) === userId;
  }
}
