// The storage floor of a commit: what any store that keeps memories durably and searchable by vector must do for the
// same rows — a bare better-sqlite3 transaction per batch (same journal and fsync settings as the memory store, one
// plain table, no full-text index) plus HNSW inserts with the same parameters. Committing through the service (gRPC,
// validation, embedding, lexical indexing) is compared with this.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_HNSW } from '@pagi/memory';
import Database from 'better-sqlite3';
import hnswlib from 'hnswlib-node';

export function storageFloorPerSecond(rows: Array<{ content: string; vector: Float32Array }>, batch: number): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'pagi-floor-'));
  try {
    const db = new Database(path.join(dir, 'floor.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE m (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, content TEXT NOT NULL, vector BLOB)');
    const insert = db.prepare<[string, string, Buffer]>('INSERT INTO m (id, content, vector) VALUES (?, ?, ?)');
    const graph = new hnswlib.HierarchicalNSW('cosine', rows[0]!.vector.length);
    graph.initIndex(rows.length, DEFAULT_HNSW.m, DEFAULT_HNSW.efConstruction, 100, true);
    const started = performance.now();
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch);
      const seqs = db.transaction(() =>
        slice.map(
          (r, j) =>
            insert.run(
              `floor-${i + j}`,
              r.content,
              Buffer.from(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength),
            ).lastInsertRowid,
        ),
      )();
      for (const [j, r] of slice.entries()) graph.addPoint(Array.from(r.vector), Number(seqs[j]), true);
    }
    const rate = rows.length / ((performance.now() - started) / 1000);
    db.close();
    return rate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
