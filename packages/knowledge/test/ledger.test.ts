import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger, toProgress } from '../src/ledger/ledger.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ingestion ledger', () => {
  it('reads a ledger written when the commit stage was called "embedding", and resumes its files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
    dirs.push(dir);
    const file = path.join(dir, 'knowledge.db');
    const first = new Ledger(file);
    const row = first.enqueue({ id: 'f1', path: '/x/a.md', source: 'ingest:a.md', name: 'a.md' });
    first.close();
    // The file was mid-commit when the old version stopped.
    const raw = new Database(file);
    raw.prepare(`UPDATE files SET stage = 'embedding' WHERE id = ?`).run(row.id);
    raw.close();

    const ledger = new Ledger(file);
    expect(ledger.get('f1')?.stage).toBe('storing');
    expect(ledger.recoverInFlight().map((r) => r.id)).toEqual(['f1']);
    expect(ledger.get('f1')?.stage).toBe('queued');
    ledger.close();
  });

  it('adds the low-confidence columns to a ledger from before them, once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
    dirs.push(dir);
    const file = path.join(dir, 'knowledge.db');
    // The files table as the first version wrote it, with one stored file.
    const raw = new Database(file);
    raw.exec(`CREATE TABLE files (
      id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, source TEXT NOT NULL, name TEXT NOT NULL, title TEXT,
      stage TEXT NOT NULL, content_hash TEXT, pending_hash TEXT, domain TEXT, confidence REAL, method TEXT,
      chunks_done INTEGER NOT NULL DEFAULT 0, chunks_total INTEGER NOT NULL DEFAULT 0, error TEXT,
      attempts INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, stored_at TEXT)`);
    raw
      .prepare(
        `INSERT INTO files (id, path, source, name, stage, domain, confidence, created_at, updated_at)
         VALUES ('f1', '/x/a.md', 'ingest:a.md', 'a.md', 'stored', 'soul', 0.9, 'then', 'then')`,
      )
      .run();
    raw.close();

    const ledger = new Ledger(file);
    expect(toProgress(ledger.get('f1')!)).toMatchObject({
      domain: 'soul',
      low_confidence: false,
      runner_up: null,
      runner_up_confidence: null,
    });
    ledger.setStage('f1', 'stored', { low_confidence: 1, runner_up: 'mind', runner_up_confidence: 0.4 });
    expect(ledger.summary().files_low_confidence).toBe(1);
    ledger.close();

    const reopened = new Ledger(file);
    // Every migration ran once: the low-confidence columns, then the domain a person chose.
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(2);
    expect(toProgress(reopened.get('f1')!)).toMatchObject({
      low_confidence: true,
      runner_up: 'mind',
      manual_domain: false,
    });
    reopened.close();
  });
});
