import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Domain, FileProgress, IngestStage, IngestSummary } from '@pagi/contracts';
import Database from 'better-sqlite3';
import { isSupported } from '../formats/read.ts';

// The per-file ingestion ledger: one row per known file with its current stage, and an append-only history of
// stage changes with timestamps. It survives crashes (SQLite WAL), which is what lets a restart finish in-flight
// files and skip the ones already stored.

export const RUNNING_STAGES: IngestStage[] = ['reading', 'classifying', 'chunking', 'storing'];

export interface FileRow {
  id: string;
  path: string;
  source: string;
  name: string;
  title: string | null;
  stage: IngestStage;
  content_hash: string | null;
  pending_hash: string | null;
  domain: Domain | null;
  confidence: number | null;
  method: string | null;
  /** 1 when the classification was too unsure to trust without a look (SQLite has no booleans). */
  low_confidence: number;
  runner_up: Domain | null;
  runner_up_confidence: number | null;
  /** The domain a person re-filed the file into; the classifier is not asked while it is set. */
  domain_override: Domain | null;
  chunks_done: number;
  chunks_total: number;
  error: string | null;
  attempts: number;
  seq: number;
  created_at: string;
  updated_at: string;
  stored_at: string | null;
}

export interface StageEvent {
  stage: string;
  at: string;
  detail: string | null;
}

const now = () => new Date().toISOString();

/** Changes to the schema below, applied in order; `user_version` records how many ran. */
const MIGRATIONS = [
  // The low-confidence flag and the domain that came closest.
  `ALTER TABLE files ADD COLUMN low_confidence INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE files ADD COLUMN runner_up TEXT;
   ALTER TABLE files ADD COLUMN runner_up_confidence REAL;`,
  // Re-filing by hand.
  'ALTER TABLE files ADD COLUMN domain_override TEXT;',
];

export class Ledger {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once, reused: preparing is most of the cost of these small queries. */
  private q(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS files (
        id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, source TEXT NOT NULL, name TEXT NOT NULL, title TEXT,
        stage TEXT NOT NULL, content_hash TEXT, pending_hash TEXT, domain TEXT, confidence REAL, method TEXT,
        chunks_done INTEGER NOT NULL DEFAULT 0, chunks_total INTEGER NOT NULL DEFAULT 0, error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, stored_at TEXT);
      CREATE INDEX IF NOT EXISTS files_stage ON files (stage, seq);
      CREATE TABLE IF NOT EXISTS stages (
        file_id TEXT NOT NULL, stage TEXT NOT NULL, at TEXT NOT NULL, detail TEXT);
      CREATE INDEX IF NOT EXISTS stages_file ON stages (file_id);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    // Ledgers written before the commit stage was named for what it does.
    this.db.exec(`UPDATE files SET stage = 'storing' WHERE stage = 'embedding'`);
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  get(id: string): FileRow | undefined {
    return this.q('SELECT * FROM files WHERE id = ?').get(id) as FileRow | undefined;
  }

  byPath(p: string): FileRow | undefined {
    return this.q('SELECT * FROM files WHERE path = ?').get(p) as FileRow | undefined;
  }

  all(): FileRow[] {
    return this.q('SELECT * FROM files ORDER BY updated_at DESC, seq DESC').all() as FileRow[];
  }

  history(id: string): StageEvent[] {
    return this.q('SELECT stage, at, detail FROM stages WHERE file_id = ? ORDER BY rowid').all(id) as StageEvent[];
  }

  /** Puts a file in the queue (creating its row if new); returns the row. */
  enqueue(file: { id: string; path: string; source: string; name: string }, detail?: string): FileRow {
    const at = now();
    const seq = (this.q('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM files').get() as { n: number }).n;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO files (id, path, source, name, stage, seq, created_at, updated_at)
           VALUES (@id, @path, @source, @name, 'queued', @seq, @at, @at)
           ON CONFLICT(id) DO UPDATE SET stage = 'queued', seq = @seq, error = NULL, updated_at = @at`,
        )
        .run({ ...file, seq, at });
      this.addStage(file.id, 'queued', at, detail ?? null);
    })();
    return this.get(file.id)!;
  }

  /** Moves a file to a new stage, recording it in the history; `fields` updates other columns at the same time. */
  setStage(id: string, stage: IngestStage, fields: Partial<FileRow> = {}, detail?: string): FileRow | undefined {
    const at = now();
    const cols = Object.keys(fields).filter((k) => k !== 'id');
    const sets = ['stage = @stage', 'updated_at = @at', ...cols.map((c) => `${c} = @${c}`)].join(', ');
    this.db.transaction(() => {
      this.q(`UPDATE files SET ${sets} WHERE id = @id`).run({ ...fields, id, stage, at });
      this.addStage(id, stage, at, detail ?? fields.error ?? null);
    })();
    return this.get(id);
  }

  /** Updates progress counters without a history entry (they change once per batch). */
  setProgress(id: string, done: number, total: number): FileRow | undefined {
    this.q('UPDATE files SET chunks_done = ?, chunks_total = ?, updated_at = ? WHERE id = ?').run(
      done,
      total,
      now(),
      id,
    );
    return this.get(id);
  }

  bumpAttempts(id: string): void {
    this.q('UPDATE files SET attempts = attempts + 1 WHERE id = ?').run(id);
  }

  remove(id: string): void {
    this.db.transaction(() => {
      this.q('DELETE FROM files WHERE id = ?').run(id);
      this.q('DELETE FROM stages WHERE file_id = ?').run(id);
    })();
  }

  /** Oldest queued files first. */
  queued(): FileRow[] {
    return this.q("SELECT * FROM files WHERE stage = 'queued' ORDER BY seq LIMIT 256").all() as FileRow[];
  }

  /** After a crash: files caught mid-pipeline go back to the queue (the pipeline is safe to repeat). */
  recoverInFlight(): FileRow[] {
    const rows = this.db
      .prepare(`SELECT * FROM files WHERE stage IN (${RUNNING_STAGES.map(() => '?').join(',')})`)
      .all(...RUNNING_STAGES) as FileRow[];
    for (const r of rows) this.setStage(r.id, 'queued', { chunks_done: 0 }, `recovered after restart (was ${r.stage})`);
    return rows;
  }

  /** Files queued or being ingested. */
  waiting(): number {
    return (
      this.q(
        `SELECT COUNT(*) AS n FROM files WHERE stage IN ('queued', ${RUNNING_STAGES.map((s) => `'${s}'`).join(',')})`,
      ).get() as { n: number }
    ).n;
  }

  summary(): IngestSummary {
    const count = (sql: string) => (this.q(sql).get() as { n: number }).n;
    const running = this.db
      .prepare(
        `SELECT name FROM files WHERE stage IN (${RUNNING_STAGES.map(() => '?').join(',')}) ORDER BY updated_at LIMIT 1`,
      )
      .get(...RUNNING_STAGES) as { name: string } | undefined;
    const lastError = this.db
      .prepare(
        "SELECT name, error FROM files WHERE stage = 'failed' AND error IS NOT NULL ORDER BY updated_at DESC LIMIT 1",
      )
      .get() as { name: string; error: string } | undefined;
    const active = this.waiting();
    return {
      is_active: active > 0,
      files_processed: count("SELECT COUNT(*) AS n FROM files WHERE stage IN ('stored', 'skipped')"),
      files_failed: count("SELECT COUNT(*) AS n FROM files WHERE stage = 'failed'"),
      files_low_confidence: count(
        "SELECT COUNT(*) AS n FROM files WHERE stage IN ('stored', 'skipped') AND low_confidence = 1",
      ),
      current_file: running?.name ?? null,
      last_error: lastError ? `${lastError.name}: ${lastError.error}` : null,
    };
  }

  /** Files and chunks per domain, counting only what is in the knowledge base now. */
  domainCounts(): { domain: Domain; files: number; chunks: number }[] {
    return this.db
      .prepare(
        `SELECT domain, COUNT(*) AS files, COALESCE(SUM(chunks_total), 0) AS chunks FROM files
         WHERE stage IN ('stored', 'skipped') AND domain IS NOT NULL GROUP BY domain`,
      )
      .all() as { domain: Domain; files: number; chunks: number }[];
  }

  stageCounts(): { stage: string; domain: string | null; n: number }[] {
    return this.q('SELECT stage, domain, COUNT(*) AS n FROM files GROUP BY stage, domain').all() as {
      stage: string;
      domain: string | null;
      n: number;
    }[];
  }

  getMeta(key: string): string | undefined {
    return (this.q('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.q('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }

  close(): void {
    this.db.close();
  }

  private addStage(id: string, stage: string, at: string, detail: string | null): void {
    this.q('INSERT INTO stages (file_id, stage, at, detail) VALUES (?, ?, ?, ?)').run(id, stage, at, detail);
  }
}

export function toProgress(r: FileRow): FileProgress {
  return {
    id: r.id,
    path: r.path,
    name: r.name,
    ...(r.title ? { title: r.title } : {}),
    stage: r.stage,
    chunks_done: r.chunks_done,
    chunks_total: r.chunks_total,
    domain: r.domain,
    confidence: r.confidence,
    low_confidence: r.low_confidence === 1,
    runner_up: r.runner_up,
    runner_up_confidence: r.runner_up_confidence,
    error: r.error,
    updated_at: r.updated_at,
    source: r.source,
    manual_domain: r.domain_override !== null && r.domain_override === r.domain,
    retryable: (r.stage === 'failed' || r.stage === 'cancelled') && isSupported(r.path),
  };
}
