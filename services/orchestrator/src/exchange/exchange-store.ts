import type {
  Grant,
  Offer,
  OutboundMemory,
  ReceivedRecord,
  SharedRecord,
  ShareRequest,
  Subscription,
} from '@pagi/contracts';
import { type Db, statement } from '../state/db.ts';

// The Memory Exchange's records in the orchestrator's state database. Names of peers are added by the caller (they
// come from the fleet registry); everything else is stored here.

type Named<T> = Omit<T, 'peer_name' | 'origin_name'>;
type Received = Named<ReceivedRecord>;

type RequestRow = Omit<Named<ShareRequest>, 'memories'> & { memories: string };
const REQUEST_COLUMNS = `SELECT id, peer, peer_twin, topic, memories, status, reason, created_at AS created_at_ms,
  decided_at AS decided_at_ms FROM exchange_requests`;
const requestOf = (r: RequestRow): Named<ShareRequest> => ({
  ...r,
  memories: JSON.parse(r.memories) as OutboundMemory[],
});

export class ExchangeStore {
  private readonly db: Db;
  private readonly now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.db = db;
    this.now = now;
  }

  private run(sql: string, ...args: unknown[]) {
    return statement(this.db, sql).run(...args);
  }

  private all<T>(sql: string, ...args: unknown[]): T[] {
    return statement(this.db, sql).all(...args) as T[];
  }

  offers(): Offer[] {
    return this.all(
      'SELECT topic, domain, query, description, created_at AS created_at_ms FROM exchange_offers ORDER BY topic',
    );
  }

  offer(topic: string): Offer | undefined {
    return this.offers().find((o) => o.topic === topic);
  }

  putOffer(o: Omit<Offer, 'created_at_ms'>): void {
    this.run(
      'INSERT OR REPLACE INTO exchange_offers VALUES (?, ?, ?, ?, ?)',
      o.topic,
      o.domain,
      o.query,
      o.description,
      this.now(),
    );
  }

  removeOffer(topic: string): boolean {
    return this.run('DELETE FROM exchange_offers WHERE topic = ?', topic).changes > 0;
  }

  subscriptions(): Named<Subscription>[] {
    return this.all(
      'SELECT peer, topic, status, reason, created_at AS created_at_ms, updated_at AS updated_at_ms FROM exchange_subscriptions ORDER BY created_at DESC',
    );
  }

  subscribed(peer: string, topic: string): boolean {
    return this.subscriptions().some((s) => s.peer === peer && s.topic === topic);
  }

  setSubscription(peer: string, topic: string, status: Subscription['status'], reason: string): void {
    const now = this.now();
    this.run(
      `INSERT INTO exchange_subscriptions VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (peer, topic) DO UPDATE SET status = excluded.status, reason = excluded.reason, updated_at = excluded.updated_at`,
      peer,
      topic,
      status,
      reason,
      now,
      now,
    );
  }

  removeSubscription(peer: string, topic: string): boolean {
    return this.run('DELETE FROM exchange_subscriptions WHERE peer = ? AND topic = ?', peer, topic).changes > 0;
  }

  grants(): Named<Grant>[] {
    return this.all(
      'SELECT peer, topic, created_at AS created_at_ms, revoked_at AS revoked_at_ms FROM exchange_grants ORDER BY created_at DESC',
    );
  }

  /** Topics `peer` holds a standing (unrevoked) grant for. */
  grantedTopics(peer: string): string[] {
    return this.grants()
      .filter((g) => g.peer === peer && g.revoked_at_ms === null)
      .map((g) => g.topic);
  }

  grant(peer: string, topic: string): void {
    this.run(
      `INSERT INTO exchange_grants VALUES (?, ?, ?, NULL)
       ON CONFLICT (peer, topic) DO UPDATE SET created_at = excluded.created_at, revoked_at = NULL`,
      peer,
      topic,
      this.now(),
    );
  }

  revokeGrant(peer: string, topic: string): boolean {
    return (
      this.run(
        'UPDATE exchange_grants SET revoked_at = ? WHERE peer = ? AND topic = ? AND revoked_at IS NULL',
        this.now(),
        peer,
        topic,
      ).changes > 0
    );
  }

  requests(): Named<ShareRequest>[] {
    return this.all<RequestRow>(`${REQUEST_COLUMNS} ORDER BY created_at DESC LIMIT 200`).map(requestOf);
  }

  request(id: string): Named<ShareRequest> | undefined {
    const row = statement(this.db, `${REQUEST_COLUMNS} WHERE id = ?`).get(id) as RequestRow | undefined;
    return row && requestOf(row);
  }

  addRequest(r: { id: string; peer: string; peer_twin: string; topic: string; memories: OutboundMemory[] }): void {
    this.run(
      "INSERT INTO exchange_requests VALUES (?, ?, ?, ?, ?, 'pending', '', ?, NULL)",
      r.id,
      r.peer,
      r.peer_twin,
      r.topic,
      JSON.stringify(r.memories),
      this.now(),
    );
  }

  /** Moves a pending request on; false when it was not pending (decided already). */
  decide(id: string, status: 'sent' | 'denied' | 'failed', reason = ''): boolean {
    return (
      this.run(
        "UPDATE exchange_requests SET status = ?, reason = ?, decided_at = ? WHERE id = ? AND status IN ('pending', 'failed')",
        status,
        reason,
        this.now(),
        id,
      ).changes > 0
    );
  }

  shared(): Named<SharedRecord>[] {
    return this.all(
      'SELECT peer, origin_id, topic, shared_at AS shared_at_ms, revoked_at AS revoked_at_ms FROM exchange_shared ORDER BY shared_at DESC LIMIT 1000',
    );
  }

  recordShared(peer: string, topic: string, originIds: string[]): void {
    const now = this.now();
    this.db.transaction(() => {
      for (const id of originIds)
        this.run(
          `INSERT INTO exchange_shared VALUES (?, ?, ?, ?, NULL)
           ON CONFLICT (peer, origin_id) DO UPDATE SET topic = excluded.topic, shared_at = excluded.shared_at, revoked_at = NULL`,
          peer,
          id,
          topic,
          now,
        );
    })();
  }

  /** Ids shared with `peer` and not revoked, on one topic or all. */
  sharedIds(peer: string, topic?: string): string[] {
    return this.shared()
      .filter((s) => s.peer === peer && s.revoked_at_ms === null && (topic === undefined || s.topic === topic))
      .map((s) => s.origin_id);
  }

  markRevoked(peer: string, originIds: string[]): void {
    const now = this.now();
    this.db.transaction(() => {
      for (const id of originIds)
        this.run('UPDATE exchange_shared SET revoked_at = ? WHERE peer = ? AND origin_id = ?', now, peer, id);
    })();
  }

  received(): Received[] {
    type Row = Omit<Received, 'redactions'> & { redactions: string };
    return this.all<Row>(
      `SELECT origin_peer, origin_id, origin_twin, memory_id, topic, content, redactions, received_at AS received_at_ms
       FROM exchange_received ORDER BY received_at DESC LIMIT 1000`,
    ).map((r) => ({ ...r, redactions: JSON.parse(r.redactions) as Received['redactions'] }));
  }

  hasReceived(peer: string, originId: string): boolean {
    return (
      statement(this.db, 'SELECT 1 FROM exchange_received WHERE origin_peer = ? AND origin_id = ?').get(
        peer,
        originId,
      ) !== undefined
    );
  }

  addReceived(r: Omit<Received, 'received_at_ms'>): void {
    this.run(
      'INSERT OR IGNORE INTO exchange_received VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      r.origin_peer,
      r.origin_id,
      r.origin_twin,
      r.memory_id,
      r.topic,
      r.content,
      JSON.stringify(r.redactions),
      this.now(),
    );
  }

  /** The local memory ids of what `peer` shared under these origin ids. */
  receivedIds(peer: string, originIds: string[]): { origin_id: string; memory_id: string }[] {
    const st = statement(
      this.db,
      'SELECT origin_id, memory_id FROM exchange_received WHERE origin_peer = ? AND origin_id = ?',
    );
    return originIds.flatMap((id) => (st.get(peer, id) as { origin_id: string; memory_id: string } | undefined) ?? []);
  }

  forget(peer: string, originIds: string[]): void {
    this.db.transaction(() => {
      for (const id of originIds)
        this.run('DELETE FROM exchange_received WHERE origin_peer = ? AND origin_id = ?', peer, id);
    })();
  }
}
