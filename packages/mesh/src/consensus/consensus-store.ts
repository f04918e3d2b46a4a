import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Signed } from './signing.ts';

// Consensus Sync's durable state: every proposal, vote, decision and application this node holds (the audit), the
// versions of each artifact changed through the fleet, and where catch-up stands with each peer. Each proposal row
// carries the log sequence of its last change, which is what catch-up pages by.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS proposals (
  id TEXT PRIMARY KEY, body BLOB NOT NULL, signature BLOB NOT NULL, received_at_ms INTEGER NOT NULL,
  decision_body BLOB, decision_signature BLOB, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS proposals_by_seq ON proposals (seq);
CREATE TABLE IF NOT EXISTS votes (
  proposal_id TEXT NOT NULL, voter TEXT NOT NULL, body BLOB NOT NULL, signature BLOB NOT NULL,
  received_at_ms INTEGER NOT NULL, PRIMARY KEY (proposal_id, voter));
CREATE TABLE IF NOT EXISTS equivocations (
  proposal_id TEXT NOT NULL, voter TEXT NOT NULL, body BLOB NOT NULL, signature BLOB NOT NULL,
  at_ms INTEGER NOT NULL, PRIMARY KEY (proposal_id, voter));
CREATE TABLE IF NOT EXISTS applications (
  proposal_id TEXT NOT NULL, peer TEXT NOT NULL, body BLOB NOT NULL, signature BLOB NOT NULL,
  PRIMARY KEY (proposal_id, peer));
CREATE TABLE IF NOT EXISTS artifacts (
  kind TEXT NOT NULL, target TEXT NOT NULL, version INTEGER NOT NULL, sha256 TEXT NOT NULL, content BLOB NOT NULL,
  proposal_id TEXT NOT NULL, applied_at_ms INTEGER NOT NULL, PRIMARY KEY (kind, target, version));
CREATE TABLE IF NOT EXISTS sync_cursors (peer TEXT PRIMARY KEY, log_id TEXT NOT NULL, seq INTEGER NOT NULL);`;

export interface StoredProposal {
  id: string;
  proposal: Signed;
  receivedAtMs: number;
  decision: Signed | null;
  votes: Map<string, Signed>;
  equivocations: Map<string, { vote: Signed; atMs: number }>;
  applications: Map<string, Signed>;
}

export interface ArtifactRow {
  kind: string;
  target: string;
  version: number;
  sha256: string;
  content: Buffer;
  proposal_id: string;
  applied_at_ms: number;
}

const signed = (body: Buffer, signature: Buffer): Signed => ({ body, signature });

export class ConsensusStore {
  /** Names this log: a node whose state was reset starts a new one, and peers start catching up from 0. */
  readonly logId: string;
  private readonly db: Database.Database;
  private seq: number;
  private readonly statements = new Map<string, Database.Statement>();

  /** `file` is a path, or ':memory:' (the simulation). */
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const meta = this.db.prepare('SELECT value FROM meta WHERE key = ?');
    let logId = (meta.get('log_id') as { value: string } | undefined)?.value;
    if (!logId) {
      logId = randomUUID();
      this.db.prepare('INSERT INTO meta VALUES (?, ?)').run('log_id', logId);
    }
    this.logId = logId;
    this.seq = (this.db.prepare('SELECT MAX(seq) AS s FROM proposals').get() as { s: number | null }).s ?? 0;
  }

  /** Every proposal with its votes, equivocations and applications (loaded once, at start). */
  loadAll(): StoredProposal[] {
    const byId = new Map<string, StoredProposal>();
    type P = { id: string; body: Buffer; signature: Buffer; received_at_ms: number } & {
      decision_body: Buffer | null;
      decision_signature: Buffer | null;
    };
    for (const r of this.db.prepare('SELECT * FROM proposals ORDER BY seq').all() as P[]) {
      byId.set(r.id, {
        id: r.id,
        proposal: signed(r.body, r.signature),
        receivedAtMs: r.received_at_ms,
        decision: r.decision_body && r.decision_signature ? signed(r.decision_body, r.decision_signature) : null,
        votes: new Map(),
        equivocations: new Map(),
        applications: new Map(),
      });
    }
    type V = { proposal_id: string; voter: string; body: Buffer; signature: Buffer; at_ms?: number };
    for (const r of this.db.prepare('SELECT * FROM votes').all() as V[])
      byId.get(r.proposal_id)?.votes.set(r.voter, signed(r.body, r.signature));
    for (const r of this.db.prepare('SELECT * FROM equivocations').all() as V[])
      byId.get(r.proposal_id)?.equivocations.set(r.voter, { vote: signed(r.body, r.signature), atMs: r.at_ms ?? 0 });
    type A = { proposal_id: string; peer: string; body: Buffer; signature: Buffer };
    for (const r of this.db.prepare('SELECT * FROM applications').all() as A[])
      byId.get(r.proposal_id)?.applications.set(r.peer, signed(r.body, r.signature));
    return [...byId.values()];
  }

  /** A prepared statement, prepared once. */
  private q(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private bump(id: string): void {
    this.q('UPDATE proposals SET seq = ? WHERE id = ?').run(++this.seq, id);
  }

  addProposal(p: StoredProposal): void {
    this.q('INSERT OR IGNORE INTO proposals VALUES (?, ?, ?, ?, NULL, NULL, ?)').run(
      p.id,
      p.proposal.body,
      p.proposal.signature,
      p.receivedAtMs,
      ++this.seq,
    );
  }

  setDecision(id: string, d: Signed): void {
    this.db.transaction(() => {
      this.q('UPDATE proposals SET decision_body = ?, decision_signature = ? WHERE id = ?').run(
        d.body,
        d.signature,
        id,
      );
      this.bump(id);
    })();
  }

  addVote(id: string, voter: string, v: Signed, atMs: number): void {
    this.db.transaction(() => {
      this.q('INSERT OR IGNORE INTO votes VALUES (?, ?, ?, ?, ?)').run(id, voter, v.body, v.signature, atMs);
      this.bump(id);
    })();
  }

  addEquivocation(id: string, voter: string, v: Signed, atMs: number): void {
    this.db.transaction(() => {
      this.q('INSERT OR IGNORE INTO equivocations VALUES (?, ?, ?, ?, ?)').run(id, voter, v.body, v.signature, atMs);
      this.bump(id);
    })();
  }

  /** Records an application; `artifact` too when this node applied the change (one transaction). */
  addApplication(id: string, peer: string, a: Signed, artifact?: ArtifactRow): void {
    this.db.transaction(() => {
      this.q('INSERT OR REPLACE INTO applications VALUES (?, ?, ?, ?)').run(id, peer, a.body, a.signature);
      if (artifact)
        this.db
          .prepare(
            'INSERT INTO artifacts VALUES (@kind, @target, @version, @sha256, @content, @proposal_id, @applied_at_ms)',
          )
          .run(artifact);
      this.bump(id);
    })();
  }

  /** Proposals changed after `afterSeq` in this log, in log order. */
  changedAfter(afterSeq: number, limit: number): { id: string; seq: number }[] {
    return this.q('SELECT id, seq FROM proposals WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as {
      id: string;
      seq: number;
    }[];
  }

  latestArtifact(kind: string, target: string): ArtifactRow | undefined {
    return this.q('SELECT * FROM artifacts WHERE kind = ? AND target = ? ORDER BY version DESC LIMIT 1').get(
      kind,
      target,
    ) as ArtifactRow | undefined;
  }

  artifactVersion(kind: string, target: string, version: number): ArtifactRow | undefined {
    return this.q('SELECT * FROM artifacts WHERE kind = ? AND target = ? AND version = ?').get(kind, target, version) as
      | ArtifactRow
      | undefined;
  }

  /** The newest version of every artifact, or every version of one. */
  artifacts(kind?: string, target?: string): ArtifactRow[] {
    if (kind && target)
      return this.q('SELECT * FROM artifacts WHERE kind = ? AND target = ? ORDER BY version DESC').all(
        kind,
        target,
      ) as ArtifactRow[];
    return this.q(
      `SELECT a.* FROM artifacts a JOIN (SELECT kind, target, MAX(version) AS v FROM artifacts GROUP BY kind, target) m
         ON a.kind = m.kind AND a.target = m.target AND a.version = m.v ORDER BY a.kind, a.target`,
    ).all() as ArtifactRow[];
  }

  cursor(peer: string): { logId: string; seq: number } | undefined {
    const r = this.q('SELECT log_id, seq FROM sync_cursors WHERE peer = ?').get(peer) as
      | { log_id: string; seq: number }
      | undefined;
    return r && { logId: r.log_id, seq: r.seq };
  }

  setCursor(peer: string, logId: string, seq: number): void {
    this.q('INSERT OR REPLACE INTO sync_cursors VALUES (?, ?, ?)').run(peer, logId, seq);
  }

  close(): void {
    this.db.close();
  }
}
