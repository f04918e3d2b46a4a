import Database from 'better-sqlite3';
import { headingOf } from '../relevance.ts';
import type { NewMemory } from '../types.ts';
import { type MemoryRow, vectorToBlob } from './rows.ts';
import { migrate } from './schema.ts';

/** A query term in a chunk's title or headings counts this many times one in its text. */
const HEADING_WEIGHT = 2.5;

export interface Placed {
  seq: number;
  collection: string;
}

export interface Written {
  added: Array<Placed & { twinId: string; vector: Float32Array }>;
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

/** Lexical hits ranked before the collection filter, per hit wanted (see `lexical`). */
const LEXICAL_WINDOW = 4;

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Bound on the document-frequency cache (distinct query terms remembered between writes). */
const DF_CACHE_MAX = 4096;

/** The SQLite side of the embedded store: the truth (content, payload, vector) and the FTS5 index. */
export class MemoryTable {
  readonly db: Database.Database;
  private readonly s;
  private readonly cache = new Map<string, Database.Statement>();
  /** Capped document frequencies by term; valid until the next write. */
  private readonly dfCache = new Map<string, { cap: number; n: number }>();

  constructor(file: string) {
    this.db = new Database(file);
    migrate(this.db);
    const db = this.db;
    this.s = {
      existing: db.prepare<[string], Placed & { created_at_ms: number }>(
        'SELECT seq, collection, created_at_ms FROM memories WHERE id = ?',
      ),
      remove: db.prepare<[number]>('DELETE FROM memories WHERE seq = ?'),
      removeText: db.prepare<[number]>('DELETE FROM memories_fts WHERE rowid = ?'),
      insert: db.prepare(
        `INSERT INTO memories (id, collection, namespace, twin_id, domain, memory_type, source_file, chunk_index,
           content_hash, metadata, content, vector, embedder, created_at_ms, updated_at_ms)
         VALUES (@id, @collection, @namespace, @twin_id, @domain, @memory_type, @source_file, @chunk_index,
           @content_hash, @metadata, @content, @vector, @embedder, @created_at_ms, @updated_at_ms)`,
      ),
      insertText: db.prepare<[number, string, string]>(
        'INSERT INTO memories_fts (rowid, heading, content) VALUES (?, ?, ?)',
      ),
      bySource: db.prepare<[string, string], Placed>(
        'SELECT seq, collection FROM memories WHERE namespace = ? AND source_file = ?',
      ),
      counts: db.prepare<[], { collection: string; n: number }>(
        'SELECT collection, COUNT(*) AS n FROM memories GROUP BY collection ORDER BY collection',
      ),
      labels: db.prepare<[string, string], { seq: number; twin_id: string }>(
        'SELECT seq, twin_id FROM memories WHERE collection = ? AND embedder = ? ORDER BY seq',
      ),
      vectors: db.prepare<[string, string], { seq: number; twin_id: string; vector: Buffer }>(
        'SELECT seq, twin_id, vector FROM memories WHERE collection = ? AND embedder = ? ORDER BY seq',
      ),
      df: db.prepare<[string, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM (SELECT 1 FROM memories_fts WHERE memories_fts MATCH ? LIMIT ?)',
      ),
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
    this.dfCache.clear();
    this.db.transaction(() => {
      for (const m of batch) {
        const old = this.s.existing.get(m.id);
        if (old) {
          this.s.remove.run(old.seq);
          this.s.removeText.run(old.seq);
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
        const seq = Number(info.lastInsertRowid);
        this.s.insertText.run(seq, headingOf(m.metadata), m.content);
        out.added.push({ seq, collection: m.collection, twinId: m.twinId, vector: m.vector });
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
    this.dfCache.clear();
    return this.db.transaction(() => {
      const old = this.s.existing.get(id);
      if (!old) return undefined;
      this.s.remove.run(old.seq);
      this.s.removeText.run(old.seq);
      return { seq: old.seq, collection: old.collection };
    })();
  }

  deleteBySource(namespace: string, sourceFile: string): Placed[] {
    this.dfCache.clear();
    return this.db.transaction(() => {
      const rows = this.s.bySource.all(namespace, sourceFile);
      for (const r of rows) {
        this.s.remove.run(r.seq);
        this.s.removeText.run(r.seq);
      }
      return rows;
    })();
  }

  /**
   * BM25 over the given collections, best first (FTS5's bm25() is lower-is-better, so ranks are negative). The full-text
   * index ranks first, over every collection, and only its best few hundred hits are checked against the collections
   * and twin: looking each of thousands of matches up before ranking cost more than the ranking itself. When that window
   * holds too few hits of these collections (a small namespace among large ones, or few matches at all), the exact
   * query looks every match up.
   */
  lexical(match: string, collections: string[], twinId: string, limit: number): Array<{ seq: number; rank: number }> {
    if (!match || !collections.length) return [];
    const args: unknown[] = [...collections, ...(twinId ? [twinId] : []), limit];
    // The unary `+` keeps the collection and twin tests as checks on each hit, never an index to scan instead.
    const filter = `+m.collection IN (${inList(collections.length)}) ${twinId ? 'AND +m.twin_id = ?' : ''}`;
    const windowed = this.prepared(`SELECT s.seq, s.rank FROM (
        SELECT rowid AS seq, bm25(memories_fts, ${HEADING_WEIGHT}, 1.0) AS rank FROM memories_fts
        WHERE memories_fts MATCH ? ORDER BY rank LIMIT ?) s
      CROSS JOIN memories m ON m.seq = s.seq WHERE ${filter} ORDER BY s.rank LIMIT ?`).all(
      match,
      limit * LEXICAL_WINDOW,
      ...args,
    ) as Array<{ seq: number; rank: number }>;
    if (windowed.length >= limit) return windowed;
    return this.prepared(`SELECT f.rowid AS seq, bm25(memories_fts, ${HEADING_WEIGHT}, 1.0) AS rank
      FROM memories_fts f JOIN memories m INDEXED BY memories_hit_filter ON m.seq = f.rowid
      WHERE memories_fts MATCH ? AND ${filter}
      ORDER BY rank LIMIT ?`).all(match, ...args) as Array<{ seq: number; rank: number }>;
  }

  rows(seqs: number[]): MemoryRow[] {
    if (!seqs.length) return [];
    return this.prepared(`SELECT * FROM memories WHERE seq IN (${inList(seqs.length)})`).all(...seqs) as MemoryRow[];
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

  labels(collection: string, embedder: string): Array<{ seq: number; twin_id: string }> {
    return this.s.labels.all(collection, embedder);
  }

  vectors(collection: string, embedder: string): IterableIterator<{ seq: number; twin_id: string; vector: Buffer }> {
    return this.s.vectors.iterate(collection, embedder);
  }

  /** Stored vectors of these memories, when they were made by `embedder`. */
  vectorsOf(seqs: number[], embedder: string): Array<{ seq: number; vector: Buffer }> {
    if (!seqs.length) return [];
    return this.prepared(`SELECT seq, vector FROM memories WHERE seq IN (${inList(seqs.length)}) AND embedder = ?`).all(
      ...seqs,
      embedder,
    ) as Array<{ seq: number; vector: Buffer }>;
  }

  /**
   * How many memories contain each term (any namespace), counted up to `cap`: callers only compare against a threshold,
   * and counting stops there instead of walking every posting of a common word. Cached until the next write.
   */
  documentFrequencies(terms: string[], cap: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const t of terms) {
      let e = this.dfCache.get(t);
      if (e?.cap !== cap) {
        e = { cap, n: this.s.df.get(`"${t.replaceAll('"', '""')}"`, cap)?.n ?? 0 };
        if (this.dfCache.size >= DF_CACHE_MAX) this.dfCache.clear();
        this.dfCache.set(t, e);
      }
      out.set(t, e.n);
    }
    return out;
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
