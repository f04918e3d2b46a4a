import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@pagi/runtime';
import { collectionName, collectionsFor } from '../collections.ts';
import { DENSE_WEIGHT, reciprocalRankFusion } from '../fusion.ts';
import { coverage, idf, queryWords, type Ranking, relevance, weighWords } from '../relevance.ts';
import type {
  CollectionCount,
  ListPage,
  ListParams,
  MemoryRecord,
  MemoryStore,
  NewMemory,
  QueryParams,
  ScoredMemory,
} from '../types.ts';
import { graphFile, removeOtherGraphs, writeLexical } from './index-files.ts';
import type { LexicalIndex } from './lexical-index.ts';
import { loadLexical } from './lexical-load.ts';
import { MemoryTable, type Written } from './memory-table.ts';
import { blobToVector, rowToRecord } from './rows.ts';
import type { IndexParams } from './vector-collection.ts';
import { VectorIndexes } from './vector-indexes.ts';

export interface EmbeddedStoreOptions {
  stateDir: string;
  vectorsDir: string;
  /** Identity of the embedder in use (`kind:model:dim`); vectors of another embedder are not indexed. */
  embedder: string;
  /** Weight of the dense ranking in fusion (see DENSE_WEIGHT; default: a model's). */
  denseWeight?: number;
  /** Rankers consulted (default both). */
  ranking?: Ranking;
  index: IndexParams;
  /** Vector index shards, each a worker thread (default 1). */
  indexThreads?: number;
  persistEveryMs: number;
  logger: Logger;
}

/** Candidates taken from each ranker before fusion. */
const depth = (topK: number) => Math.max(50, topK * 2);
/** Lexical hits also scored densely when the vector index did not return them; lower ones cannot reach the top K. */
const rescored = (topK: number) => Math.max(20, topK * 2);
/**
 * Query terms found in more than this share of all memories are left out of the lexical ranking: their BM25 weight is
 * near zero, yet scoring every memory containing them is what would make lexical search slow on a large store.
 */
const COMMON_TERM_SHARE = 0.05;
const COMMON_TERM_MIN_DOCS = 500;

/**
 * The default store: SQLite holds every memory and its vector; an in-memory BM25 index over all memories ranks
 * lexically, and one vector index per collection, in a worker thread, ranks densely. Both are persisted, and caught up
 * or rebuilt from SQLite at start, so SQLite alone is the truth.
 */
export class EmbeddedStore implements MemoryStore {
  readonly backend = 'embedded' as const;
  private readonly opts: EmbeddedStoreOptions;
  private readonly table: MemoryTable;
  private readonly lexical: LexicalIndex;
  private readonly vectors: VectorIndexes;
  private timer: NodeJS.Timeout | undefined;
  /** Memories stored per collection, kept current by `apply`: health checks and metrics read them often. */
  private readonly sizes = new Map<string, number>();

  private constructor(opts: EmbeddedStoreOptions, table: MemoryTable, vectors: VectorIndexes) {
    this.opts = opts;
    this.table = table;
    this.vectors = vectors;
    for (const c of table.counts()) this.sizes.set(c.collection, c.n);
    this.lexical = loadLexical(table, opts);
  }

  static async open(opts: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    mkdirSync(opts.stateDir, { recursive: true });
    mkdirSync(opts.vectorsDir, { recursive: true });
    const dbFile = path.join(opts.stateDir, 'memory.sqlite');
    const table = new MemoryTable(dbFile);
    let vectors: VectorIndexes;
    try {
      const names = table.counts().map((c) => c.collection);
      const { vectorsDir, embedder, index } = opts;
      const shards = opts.indexThreads ?? 1;
      removeOtherGraphs(vectorsDir, new Set(names.flatMap((n) => range(shards).map((s) => graphFile(n, s, shards)))));
      vectors = await VectorIndexes.start({ dbFile, vectorsDir, embedder, index, names }, shards, opts.logger);
    } catch (err) {
      table.close();
      throw err;
    }
    const store = new EmbeddedStore(opts, table, vectors);
    await store.persist();
    store.timer = setInterval(() => {
      store.persist().catch((err: Error) => opts.logger.error({ err: err.message }, 'persisting indexes failed'));
    }, opts.persistEveryMs);
    store.timer.unref();
    return store;
  }

  /**
   * Applies a committed write to the indexes: the lexical one at once (so no query sees half of it), the vector ones
   * in commit order through the worker (see VectorIndexes.apply for when this resolves).
   */
  private apply(written: Written): Promise<void> {
    for (const r of written.removed) {
      this.sizes.set(r.collection, (this.sizes.get(r.collection) ?? 0) - 1);
      this.lexical.remove(r.seq);
    }
    for (const a of written.added) {
      this.sizes.set(a.collection, (this.sizes.get(a.collection) ?? 0) + 1);
      this.lexical.add(a);
    }
    return this.vectors.apply(written.removed, written.added);
  }

  async upsert(batch: NewMemory[]): Promise<void> {
    for (const m of batch) {
      if (m.vector.length !== this.opts.index.dim) {
        throw new Error(`vector has ${m.vector.length} dimensions, the store holds ${this.opts.index.dim}`);
      }
    }
    const rows = batch.map((m) => ({ ...m, collection: collectionName(m.namespace, m.domain) }));
    await this.apply(this.table.write(rows, this.opts.embedder, Date.now()));
  }

  /** The query's informative words with their IDF, and the index terms to rank by: without the ones too common. */
  private lexicalQuery(text: string) {
    const total = this.lexical.size;
    const words = weighWords(queryWords(text), (stem) => idf(this.lexical.frequency(stem), total));
    const limit = Math.floor(Math.max(COMMON_TERM_MIN_DOCS, total * COMMON_TERM_SHARE));
    const terms = new Set(
      words.map((w) => w.stem).filter((t) => total <= COMMON_TERM_MIN_DOCS || this.lexical.frequency(t) <= limit),
    );
    return { words, terms: [...terms] };
  }

  async query(p: QueryParams): Promise<ScoredMemory[]> {
    const ranking = this.opts.ranking ?? 'hybrid';
    const names = collectionsFor(p.namespace, p.domains);
    const n = depth(p.topK);
    // The worker searches the vector indexes while this thread ranks lexically.
    const searched = ranking === 'lexical' ? Promise.resolve([]) : this.denseSearch(names, p.vector, n, p.twinId);
    const q = this.lexicalQuery(p.text);
    const lexical =
      ranking === 'dense' ? [] : this.lexical.search(q.terms, { collections: names, twinId: p.twinId }, n);
    // Dense ranking over the union of both candidate sets: the best lexical hits the graphs do not return are scored
    // exactly, so a memory found by an exact identifier is ranked densely too instead of counting for one ranker only.
    // Their vectors are read while the workers search.
    const best = lexical.slice(0, rescored(p.topK)).map((l) => l.seq);
    const exact = this.table
      .vectorsOf(best, this.opts.embedder)
      .map((r) => [r.seq, dot(blobToVector(r.vector), p.vector)] as const);
    const dense = new Map<number, number>(await searched);
    for (const [seq, similarity] of exact) if (!dense.has(seq)) dense.set(seq, similarity);
    const denseWeight = this.opts.denseWeight ?? DENSE_WEIGHT.model;
    const denseRanked = ranking === 'lexical' ? [] : [...dense].sort((a, b) => b[1] - a[1]).map(([seq]) => seq);
    const fused = reciprocalRankFusion(
      denseRanked,
      lexical.map((l) => l.seq),
      denseWeight,
    ).slice(0, p.topK);
    const rows = new Map(this.table.rows(fused.map((f) => f.key)).map((r) => [r.seq, r]));
    const top = lexical[0]?.score ?? 0;
    const out: ScoredMemory[] = [];
    for (const f of fused) {
      const row = rows.get(f.key);
      if (!row) continue;
      const record = rowToRecord(row, false);
      const cosine = Math.max(0, dense.get(f.key) ?? 0);
      const covered = coverage(q.words, (stem) => this.lexical.holds(f.key, stem));
      out.push({
        record,
        score: relevance({ cosine, coverage: covered }, { dense: denseWeight, ranking }),
        denseScore: cosine,
        lexicalScore: f.lexicalRank >= 0 && top > 0 ? lexical[f.lexicalRank]!.score / top : 0,
      });
    }
    return out;
  }

  async list(p: ListParams): Promise<ListPage> {
    const afterSeq = p.cursor ? Number(p.cursor) : 0;
    if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) throw new RangeError('bad cursor');
    const { rows, total } = this.table.page({
      namespace: p.namespace,
      afterSeq,
      limit: p.limit + 1,
      collections: p.domains.length ? collectionsFor(p.namespace, p.domains) : [],
      twinId: p.twinId,
      sourceFile: p.sourceFile,
    });
    const more = rows.length > p.limit;
    const page = rows.slice(0, p.limit);
    return {
      items: page.map((r) => rowToRecord(r, p.includeVectors)),
      nextCursor: more ? String(page.at(-1)!.seq) : '',
      total,
    };
  }

  /** Dense hits, or none when the vector indexes failed (the store reports it as its problem; lexical still ranks). */
  private async denseSearch(names: string[], vector: Float32Array, k: number, twinId: string) {
    try {
      return await this.vectors.search(names, vector, k, twinId);
    } catch {
      return [];
    }
  }

  async deleteById(id: string): Promise<boolean> {
    const gone = this.table.deleteById(id);
    if (gone) await this.apply({ added: [], removed: [gone] });
    return Boolean(gone);
  }

  async deleteBySource(namespace: string, sourceFile: string): Promise<number> {
    const gone = this.table.deleteBySource(namespace, sourceFile);
    await this.apply({ added: [], removed: gone });
    return gone.length;
  }

  async counts(): Promise<CollectionCount[]> {
    return [...this.sizes]
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, count]) => ({ name, count }));
  }

  problem(): string {
    if (this.vectors.failure) return this.vectors.failure;
    const stale = this.table.staleCount(this.opts.embedder);
    return stale ? `${stale} memories are waiting to be re-embedded with the current embedder` : '';
  }

  /** Memories written by a different embedder, oldest first, for re-embedding. */
  stale(limit: number): MemoryRecord[] {
    return this.table.stale(this.opts.embedder, limit).map((r) => rowToRecord(r, false));
  }

  /**
   * Stores new vectors for memories returned by `stale`, unless they changed meanwhile (a commit always wins over a
   * re-embedding). Synchronous check and write, so nothing can interleave.
   */
  async refresh(items: Array<{ record: MemoryRecord; vector: Float32Array }>): Promise<number> {
    const current = new Map(this.table.versions(items.map((i) => i.record.id)).map((r) => [r.id, r]));
    const still = items.filter((i) => {
      const now = current.get(i.record.id);
      return now && now.embedder !== this.opts.embedder && now.updated_at_ms === i.record.updatedAtMs;
    });
    const rows = still.map(({ record, vector }) => ({
      ...record,
      vector,
      collection: collectionName(record.namespace, record.domain),
    }));
    if (rows.length) await this.apply(this.table.write(rows, this.opts.embedder, Date.now()));
    return rows.length;
  }

  /** Writes every index (HNSW graphs, the lexical index) that changed since it was last written. */
  async persist(): Promise<void> {
    if (this.lexical.changes > 0) {
      const started = performance.now();
      writeLexical(this.opts.vectorsDir, this.lexical);
      this.lexical.changes = 0;
      this.opts.logger.debug({ ms: Math.round(performance.now() - started) }, 'lexical index persisted');
    }
    await this.vectors.persist();
  }

  /** Vector index mode per collection (exact or hnsw), for diagnostics and tests. */
  indexModes(): Promise<Record<string, string>> {
    return this.vectors.modes();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    try {
      await this.persist();
    } finally {
      this.table.close();
      await this.vectors.close();
    }
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
