import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../src/ledger/ledger.ts';

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
});
