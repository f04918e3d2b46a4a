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
import { writeGraph } from './index-files.ts';
import { loadIndex } from './index-load.ts';
import { MemoryTable, type Written } from './memory-table.ts';
import { blobToVector, rowToRecord } from './rows.ts';
import { type IndexParams, VectorCollection } from './vector-collection.ts';

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
  persistEveryMs: number;
  logger: Logger;
}

/** Candidates taken from each ranker before fusion. */
const depth = (topK: number) => Math.max(50, topK * 2);
/** Lexical hits also scored densely when the vector index did not return them; lower ones cannot reach the top K. */
const rescored = (topK: number) => Math.max(20, topK * 2);
/**
 * Query terms found in more than this share of all memories are left out of the lexical query: their BM25 weight is
 * near zero, yet scoring every memory containing them is what makes full-text search slow on a large store.
 */
const COMMON_TERM_SHARE = 0.05;
const COMMON_TERM_MIN_DOCS = 500;

/**
 * The default store: SQLite holds every memory and its vector, FTS5 ranks lexically, and one in-memory vector index
 * per collection ranks densely. Indexes are rebuilt or caught up from SQLite at start, so SQLite alone is the truth.
 */
export class EmbeddedStore implements MemoryStore {
  readonly backend = 'embedded' as const;
  private readonly opts: EmbeddedStoreOptions;
  private readonly table: MemoryTable;
  private readonly collections = new Map<string, VectorCollection>();
  private timer: NodeJS.Timeout | undefined;
  /** Memories stored per collection, kept current by `apply`: health checks and metrics read them often. */
  private readonly sizes = new Map<string, number>();

  private constructor(opts: EmbeddedStoreOptions, table: MemoryTable) {
    this.opts = opts;
    this.table = table;
  }

  static open(opts: EmbeddedStoreOptions): EmbeddedStore {
    mkdirSync(opts.stateDir, { recursive: true });
    mkdirSync(opts.vectorsDir, { recursive: true });
    const store = new EmbeddedStore(opts, new MemoryTable(path.join(opts.stateDir, 'memory.sqlite')));
    for (const c of store.table.counts()) store.sizes.set(c.collection, c.n);
    for (const name of store.sizes.keys()) store.load(name);
    store.persist();
    store.timer = setInterval(() => store.persist(), opts.persistEveryMs);
    store.timer.unref();
    return store;
  }

  /** Brings one collection's vector index in line with SQLite (see index-load.ts). */
  private load(name: string): void {
    this.collections.set(name, loadIndex(this.table, name, this.opts));
  }

  private collection(name: string): VectorCollection {
    let c = this.collections.get(name);
    if (!c) {
      c = new VectorCollection(name, this.opts.index);
      this.collections.set(name, c);
    }
    return c;
  }

  /** Applies a committed write to the in-memory indexes (synchronously, so no query sees half of it). */
  private apply(written: Written): void {
    for (const r of written.removed) this.sizes.set(r.collection, (this.sizes.get(r.collection) ?? 0) - 1);
    for (const a of written.added) this.sizes.set(a.collection, (this.sizes.get(a.collection) ?? 0) + 1);
    for (const r of written.removed) this.collections.get(r.collection)?.remove(r.seq);
    for (const a of written.added) this.collection(a.collection).add(a.seq, a.vector, a.twinId);
  }

  async upsert(batch: NewMemory[]): Promise<void> {
    for (const m of batch) {
      if (m.vector.length !== this.opts.index.dim) {
        throw new Error(`vector has ${m.vector.length} dimensions, the store holds ${this.opts.index.dim}`);
      }
    }
    const rows = batch.map((m) => ({ ...m, collection: collectionName(m.namespace, m.domain) }));
    this.apply(this.table.write(rows, this.opts.embedder, Date.now()));
  }

  /**
   * The query's informative words with their IDF, and the full-text query: those words OR-ed, without the ones too
   * common to matter.
   */
  private lexicalQuery(text: string) {
    let total = 0;
    for (const n of this.sizes.values()) total += n;
    const list = queryWords(text);
    const limit = Math.floor(Math.max(COMMON_TERM_MIN_DOCS, total * COMMON_TERM_SHARE));
    const df = this.table.documentFrequencies(list, limit + 1);
    const words = weighWords(list, (w) => idf(df.get(w) ?? 0, total));
    const match = list
      .filter((w) => total <= COMMON_TERM_MIN_DOCS || (df.get(w) ?? 0) <= limit)
      .map((w) => `"${w}"`)
      .join(' OR ');
    return { words, match };
  }

  async query(p: QueryParams): Promise<ScoredMemory[]> {
    const ranking = this.opts.ranking ?? 'hybrid';
    const names = collectionsFor(p.namespace, p.domains);
    const n = depth(p.topK);
    const q = this.lexicalQuery(p.text);
    const lexical = ranking === 'dense' ? [] : this.table.lexical(q.match, names, p.twinId, n);
    // Dense ranking over the union of both candidate sets: the best lexical hits the graph did not return are scored
    // exactly, so a memory found by an exact identifier is ranked densely too instead of counting for one ranker only.
    const dense = new Map<number, number>();
    if (ranking !== 'lexical') {
      for (const name of names) {
        for (const d of this.collections.get(name)?.search(p.vector, n, p.twinId) ?? [])
          dense.set(d.label, 1 - d.distance);
      }
    }
    const missing = lexical
      .slice(0, rescored(p.topK))
      .map((l) => l.seq)
      .filter((seq) => !dense.has(seq));
    for (const r of this.table.vectorsOf(missing, this.opts.embedder))
      dense.set(r.seq, dot(blobToVector(r.vector), p.vector));
    const denseWeight = this.opts.denseWeight ?? DENSE_WEIGHT.model;
    const denseRanked = ranking === 'lexical' ? [] : [...dense].sort((a, b) => b[1] - a[1]).map(([seq]) => seq);
    const fused = reciprocalRankFusion(
      denseRanked,
      lexical.map((l) => l.seq),
      denseWeight,
    ).slice(0, p.topK);
    const rows = new Map(this.table.rows(fused.map((f) => f.key)).map((r) => [r.seq, r]));
    const bestRank = lexical[0]?.rank ?? 0;
    const out: ScoredMemory[] = [];
    for (const f of fused) {
      const row = rows.get(f.key);
      if (!row) continue;
      const record = rowToRecord(row, false);
      const cosine = Math.max(0, dense.get(f.key) ?? 0);
      const covered = coverage(q.words, record);
      out.push({
        record,
        score: relevance({ cosine, coverage: covered }, { dense: denseWeight, ranking }),
        denseScore: cosine,
        lexicalScore: f.lexicalRank >= 0 && bestRank < 0 ? lexical[f.lexicalRank]!.rank / bestRank : 0,
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

  async deleteById(id: string): Promise<boolean> {
    const gone = this.table.deleteById(id);
    if (gone) this.apply({ added: [], removed: [gone] });
    return Boolean(gone);
  }

  async deleteBySource(namespace: string, sourceFile: string): Promise<number> {
    const gone = this.table.deleteBySource(namespace, sourceFile);
    this.apply({ added: [], removed: gone });
    return gone.length;
  }

  async counts(): Promise<CollectionCount[]> {
    return [...this.sizes]
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, count]) => ({ name, count }));
  }

  problem(): string {
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
  refresh(items: Array<{ record: MemoryRecord; vector: Float32Array }>): number {
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
    if (rows.length) this.apply(this.table.write(rows, this.opts.embedder, Date.now()));
    return rows.length;
  }

  /** Writes every HNSW graph that changed since it was last written. */
  persist(): void {
    for (const c of this.collections.values()) {
      if (!c.graph || c.changes === 0) continue;
      const started = performance.now();
      writeGraph(this.opts.vectorsDir, c.name, c.graph, this.opts.embedder, this.opts.index);
      c.changes = 0;
      this.opts.logger.debug({ collection: c.name, ms: Math.round(performance.now() - started) }, 'index persisted');
    }
  }

  /** Vector index mode per collection (exact or hnsw), for diagnostics and tests. */
  indexModes(): Record<string, string> {
    return Object.fromEntries([...this.collections].map(([k, c]) => [k, c.mode]));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.persist();
    this.table.close();
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
