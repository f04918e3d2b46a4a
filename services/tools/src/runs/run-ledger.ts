import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ExecuteToolResponse__Output } from '@pagi/contracts/gen/tools/ExecuteToolResponse.ts';

/**
 * Where a run with a caller-given id stands. `running`: in progress in this process; `interrupted`: it started but
 * the service stopped before it finished (so it may have had effects, and is never started again).
 */
export type RunState =
  | { state: 'unknown' }
  | { state: 'running' }
  | { state: 'interrupted' }
  | { state: 'finished'; result: ExecuteToolResponse__Output };

const KEEP_DAYS = 7;

/**
 * Runs that callers name (ExecuteTool's `run_id`), kept durably so that each runs at most once: a repeated id gets
 * the recorded outcome instead of a second run, and a caller that restarted mid-call can ask what happened.
 * node:sqlite keeps the service that runs untrusted programs free of native modules.
 */
export class RunLedger {
  private readonly db: DatabaseSync;
  private readonly active = new Set<string>();

  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS runs (
        run_id TEXT PRIMARY KEY, twin_id TEXT NOT NULL, tool TEXT NOT NULL,
        started_at INTEGER NOT NULL, finished_at INTEGER, result_json TEXT);
    `);
    this.db.prepare('DELETE FROM runs WHERE started_at < ?').run(Date.now() - KEEP_DAYS * 86_400_000);
  }

  get(runId: string): RunState {
    const row = this.db.prepare('SELECT result_json FROM runs WHERE run_id = ?').get(runId) as
      | { result_json: string | null }
      | undefined;
    if (!row) return { state: 'unknown' };
    if (row.result_json) return { state: 'finished', result: JSON.parse(row.result_json) };
    return this.active.has(runId) ? { state: 'running' } : { state: 'interrupted' };
  }

  /** Records that the run starts; returns the earlier state instead when the id was seen before. */
  begin(runId: string, twinId: string, tool: string): RunState {
    const inserted = this.db
      .prepare('INSERT INTO runs (run_id, twin_id, tool, started_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(runId, twinId, tool, Date.now()).changes;
    if (inserted !== 1) return this.get(runId);
    this.active.add(runId);
    return { state: 'unknown' };
  }

  finish(runId: string, result: ExecuteToolResponse__Output | undefined): void {
    this.active.delete(runId);
    // A run that failed to start at all (refused, or the sandbox broke) is forgotten: it had no effect.
    if (!result) this.db.prepare('DELETE FROM runs WHERE run_id = ?').run(runId);
    else {
      this.db
        .prepare('UPDATE runs SET finished_at = ?, result_json = ? WHERE run_id = ?')
        .run(Date.now(), JSON.stringify(result), runId);
    }
  }

  close(): void {
    this.db.close();
  }
}
