import Database from 'better-sqlite3';
import { headingOf } from '../relevance.ts';
import type { NewMemory } from '../types.ts';
import { type MemoryRow, vectorToBlob } from './rows.ts';
import { migrate } from './schema.ts';

export interface Placed {
  seq: number;
  collection: string;
}

export interface Written {
  added: Array<Placed & { twinId: string; vector: Float32Array; heading: string; content: string }>;
  removed: Placed[];
}

export interface ListQuery {
  namespace: string;
  afterSeq: number;
  limit: number;
  /** Empty: all collections of the namespace. */
  collections: string[];
  twinId: string;
  /** Empty or absent: every source file. */
  sourceFile?: string;
}

const HIT_COLUMNS = `seq, id, collection, namespace, twin_id, domain, memory_type, source_file, chunk_index,
  content_hash, metadata, content, embedder, created_at_ms, updated_at_ms`;

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** What the lexical index is built from: a memory's place, heading source and text. */
export interface TextRow {
  seq: number;
  collection: string;
  twin_id: string;
  metadata: string;
  content: string;
}

/** The SQLite side of the embedded store: the truth (content, payload, vector), from which every index is built. */
export class MemoryTable {
  readonly db: Database.Database;
  private readonly s;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file);
    migrate(this.db);
    const db = this.db;
    this.s = {
      existing: db.prepare<[string], Placed & { created_at_ms: number }>(
        'SELECT seq, collection, created_at_ms FROM memories WHERE id = ?',
      ),
      remove: db.prepare<[number]>('DELETE FROM memories WHERE seq = ?'),
      insert: db.prepare(
        `INSERT INTO memories (id, collection, namespace, twin_id, domain, memory_type, source_file, chunk_index,
           content_hash, metadata, content, vector, embedder, created_at_ms, updated_at_ms)
         VALUES (@id, @collection, @namespace, @twin_id, @domain, @memory_type, @source_file, @chunk_index,
           @content_hash, @metadata, @content, @vector, @embedder, @created_at_ms, @updated_at_ms)`,
      ),
      bySource: db.prepare<[string, string], Placed>(
        'SELECT seq, collection FROM memories WHERE namespace = ? AND source_file = ?',
      ),
      counts: db.prepare<[], { collection: string; n: number }>(
        'SELECT collection, COUNT(*) AS n FROM memories GROUP BY collection ORDER BY collection',
      ),
      seqs: db.prepare<[], number>('SELECT seq FROM memories').pluck(),
      // `<` or `>` rather than `!=`: two ranges of the embedder index, empty when nothing is stale, where `!=` reads
      // every row (a health check or the re-embedding loop would stall the service for milliseconds per 10k memories).
      stale: db.prepare<[string, string, number], MemoryRow>(
        'SELECT * FROM memories WHERE embedder < ? OR embedder > ? LIMIT ?',
      ),
      staleCount: db.prepare<[string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM memories WHERE embedder < ? OR embedder > ?',
      ),
    };
  }

  /** One transaction: replaced memories keep their creation time and get a new seq. */
  write(batch: Array<NewMemory & { collection: string }>, embedder: string, now: number): Written {
    const out: Written = { added: [], removed: [] };
    this.db.transaction(() => {
      for (const m of batch) {
        const old = this.s.existing.get(m.id);
        if (old) {
          this.s.remove.run(old.seq);
          out.removed.push({ seq: old.seq, collection: old.collection });
        }
        const info = this.s.insert.run({
          id: m.id,
          collection: m.collection,
          namespace: m.namespace,
          twin_id: m.twinId,
          domain: m.domain,
          memory_type: m.memoryType,
          source_file: m.sourceFile,
          chunk_index: m.chunkIndex,
          content_hash: m.contentHash,
          metadata: JSON.stringify(m.metadata),
          content: m.content,
          vector: vectorToBlob(m.vector),
          embedder,
          created_at_ms: m.createdAtMs ?? old?.created_at_ms ?? now,
          updated_at_ms: m.updatedAtMs ?? now,
        });
        out.added.push({
          seq: Number(info.lastInsertRowid),
          collection: m.collection,
          twinId: m.twinId,
          vector: m.vector,
          heading: headingOf(m.metadata),
          content: m.content,
        });
      }
    })();
    // A memory added then replaced within the same batch never reaches the indexes.
    const gone = new Set(out.removed.map((r) => r.seq));
    const added = new Set(out.added.map((a) => a.seq));
    return {
      added: out.added.filter((a) => !gone.has(a.seq)),
      removed: out.removed.filter((r) => !added.has(r.seq)),
    };
  }

  deleteById(id: string): Placed | undefined {
    return this.db.transaction(() => {
      const old = this.s.existing.get(id);
      if (!old) return undefined;
      this.s.remove.run(old.seq);
      return { seq: old.seq, collection: old.collection };
    })();
  }

  deleteBySource(namespace: string, sourceFile: string): Placed[] {
    return this.db.transaction(() => {
      const rows = this.s.bySource.all(namespace, sourceFile);
      for (const r of rows) this.s.remove.run(r.seq);
      return rows;
    })();
  }

  /** These memories, without their vectors (search results do not carry them). */
  rows(seqs: number[]): Array<Omit<MemoryRow, 'vector'>> {
    if (!seqs.length) return [];
    return this.prepared(`SELECT ${HIT_COLUMNS} FROM memories WHERE seq IN (${inList(seqs.length)})`).all(
      ...seqs,
    ) as Array<Omit<MemoryRow, 'vector'>>;
  }

  page(q: ListQuery): { rows: MemoryRow[]; total: number } {
    const where = [
      'namespace = ?',
      ...(q.collections.length ? [`collection IN (${inList(q.collections.length)})`] : []),
      ...(q.twinId ? ['twin_id = ?'] : []),
      ...(q.sourceFile ? ['source_file = ?'] : []),
    ].join(' AND ');
    const args: unknown[] = [
      q.namespace,
      ...q.collections,
      ...(q.twinId ? [q.twinId] : []),
      ...(q.sourceFile ? [q.sourceFile] : []),
    ];
    const rows = this.prepared(`SELECT * FROM memories WHERE ${where} AND seq > ? ORDER BY seq LIMIT ?`).all(
      ...args,
      q.afterSeq,
      q.limit,
    ) as MemoryRow[];
    const { n } = this.prepared(`SELECT COUNT(*) AS n FROM memories WHERE ${where}`).get(...args) as { n: number };
    return { rows, total: n };
  }

  counts(): Array<{ collection: string; n: number }> {
    return this.s.counts.all();
  }

  /** Stored vectors of these memories, when they were made by `embedder`. */
  vectorsOf(seqs: number[], embedder: string): Array<{ seq: number; vector: Buffer }> {
    if (!seqs.length) return [];
    return this.prepared(`SELECT seq, vector FROM memories WHERE seq IN (${inList(seqs.length)}) AND embedder = ?`).all(
      ...seqs,
      embedder,
    ) as Array<{ seq: number; vector: Buffer }>;
  }

  /** Every memory's seq (any embedder), to reconcile a persisted index with. */
  seqs(): number[] {
    return this.s.seqs.all();
  }

  /** These memories' text and place, to build the lexical index from. */
  texts(seqs: number[]): TextRow[] {
    if (!seqs.length) return [];
    return this.prepared(
      `SELECT seq, collection, twin_id, metadata, content FROM memories WHERE seq IN (${inList(seqs.length)})`,
    ).all(...seqs) as TextRow[];
  }

  /** Statements whose SQL depends on the number of bound values, prepared once per shape. */
  private prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.cache.set(sql, st);
    }
    return st;
  }

  /** Memories embedded by another embedder than the one in use (to be re-embedded). */
  stale(embedder: string, limit: number): MemoryRow[] {
    return this.s.stale.all(embedder, embedder, limit);
  }

  versions(ids: string[]): Array<{ id: string; embedder: string; updated_at_ms: number }> {
    if (!ids.length) return [];
    return this.prepared(`SELECT id, embedder, updated_at_ms FROM memories WHERE id IN (${inList(ids.length)})`).all(
      ...ids,
    ) as Array<{ id: string; embedder: string; updated_at_ms: number }>;
  }

  staleCount(embedder: string): number {
    return this.s.staleCount.get(embedder, embedder)?.n ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
