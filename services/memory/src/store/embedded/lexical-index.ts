import { deserialize, serialize } from 'node:v8';
import { countTerms, Interned } from './lexical-terms.ts';

// BM25 over an in-memory inverted index, with the formula of SQLite FTS5's bm25() (k1 1.2, b 0.75, the memory's token
// count over the average, IDF floored at 1e-6, per-column weights on the term frequency). Scoring the thousand-odd
// matches of a query here takes a tenth of a millisecond where FTS5 took well over one, most of it spent handing each
// row to its ranking function. SQLite stays the truth: the index is persisted beside the vector graphs and caught up
// from the memories table at start, like them.
//
// Memories are keyed by their SQLite seq, which is never reused: postings of a removed memory can stay in a term's
// list until it is compacted, because no later memory can take that seq. Hot per-memory data lives in typed arrays
// indexed by seq, and terms are small integers, so ranking touches no string and no Map.

const K1 = 1.2;
const B = 0.75;
/** A term in a chunk's title or headings counts this many times one in its text. */
export const HEADING_WEIGHT = 2.5;
/** Bumped whenever tokenising, stemming or the file layout changes: a file of another format is rebuilt. */
export const LEXICAL_FORMAT = 1;

export interface LexicalDoc {
  seq: number;
  collection: string;
  twinId: string;
  /** Title and heading path (`headingOf`), weighted above the text. */
  heading: string;
  content: string;
}

export interface LexicalFilter {
  collections: Iterable<string>;
  /** Empty: every twin. */
  twinId: string;
}

export interface LexicalHit {
  seq: number;
  /** BM25, higher is better. */
  score: number;
}

/**
 * A memory's distinct terms and their packed frequencies, as [term id, frequency, term id, frequency, …]: kept to undo
 * its postings and to persist it. Typed arrays throughout (views into the file's buffer after a load), so that a large
 * index is a few big objects rather than millions of small ones for the garbage collector to trace.
 */
type Terms = Int32Array;

const EMPTY = new Int32Array(0);

export class LexicalIndex {
  private readonly terms = new Interned();
  private readonly collectionNames = new Interned();
  private readonly twinNames = new Interned();
  /**
   * By term id: [seq, packed frequency, seq, packed frequency, …] in insertion order, possibly with removed seqs, in
   * the first `used[id]` slots of a buffer that doubles as it fills.
   */
  private readonly postings: Int32Array[] = [];
  private readonly used: number[] = [];
  /** By term id: memories holding it, and postings of removed memories not yet compacted away. */
  private readonly df: number[] = [];
  private readonly dead: number[] = [];
  private readonly docs = new Map<number, Terms>();
  /** By seq: collection id (-1: no such memory), twin id, token count. */
  private collection = new Int32Array(0);
  private twin = new Int32Array(0);
  private length = new Int32Array(0);
  /** By seq, for ranking: scores being summed (always zero between queries). */
  private scores = new Float64Array(0);
  private tokens = 0;
  /** Changes since the index was last written to disk. */
  changes = 0;

  get size(): number {
    return this.docs.size;
  }

  has(seq: number): boolean {
    return this.docs.has(seq);
  }

  seqs(): IterableIterator<number> {
    return this.docs.keys();
  }

  /** Memories holding `term` (an index term: see `indexTerm`). */
  frequency(term: string): number {
    const id = this.terms.find(term);
    return id === undefined ? 0 : this.df[id]!;
  }

  /** Whether the memory's heading or text holds `term` (an index term; never a stop word). */
  holds(seq: number, term: string): boolean {
    const id = this.terms.find(term);
    const terms = this.docs.get(seq);
    if (id === undefined || !terms) return false;
    for (let i = 0; i < terms.length; i += 2) if (terms[i] === id) return true;
    return false;
  }

  add(doc: LexicalDoc): void {
    if (this.docs.has(doc.seq)) return;
    const tf = new Map<string, number>();
    const length = countTerms(doc.heading, 16, tf) + countTerms(doc.content, 0, tf);
    const terms = new Int32Array(tf.size * 2);
    let i = 0;
    for (const [term, packed] of tf) {
      terms[i++] = this.terms.id(term);
      terms[i++] = packed;
    }
    this.insert(doc.seq, this.collectionNames.id(doc.collection), this.twinNames.id(doc.twinId), length, terms);
  }

  private insert(seq: number, collection: number, twin: number, length: number, terms: Terms): void {
    if (seq >= this.collection.length) this.grow(seq);
    this.docs.set(seq, terms);
    this.collection[seq] = collection;
    this.twin[seq] = twin;
    this.length[seq] = length;
    this.tokens += length;
    for (let i = 0; i < terms.length; i += 2) this.post(terms[i]!, seq, terms[i + 1]!);
    this.changes++;
  }

  private post(id: number, seq: number, packed: number): void {
    while (this.postings.length <= id) {
      this.postings.push(EMPTY);
      this.used.push(0);
      this.df.push(0);
      this.dead.push(0);
    }
    let list = this.postings[id]!;
    const used = this.used[id]!;
    if (used + 2 > list.length) {
      const wider = new Int32Array(Math.max(4, list.length * 2));
      wider.set(list);
      list = wider;
      this.postings[id] = list;
    }
    list[used] = seq;
    list[used + 1] = packed;
    this.used[id] = used + 2;
    this.df[id]!++;
  }

  private grow(seq: number): void {
    const size = Math.max(1024, seq + 1, this.collection.length * 2);
    const widen = (a: Int32Array, fill: number) => {
      const b = new Int32Array(size).fill(fill);
      b.set(a);
      return b;
    };
    this.collection = widen(this.collection, -1);
    this.twin = widen(this.twin, 0);
    this.length = widen(this.length, 0);
    this.scores = new Float64Array(size);
  }

  remove(seq: number): void {
    const terms = this.docs.get(seq);
    if (!terms) return;
    this.docs.delete(seq);
    this.collection[seq] = -1;
    this.tokens -= this.length[seq]!;
    for (let i = 0; i < terms.length; i += 2) {
      const id = terms[i]!;
      const left = --this.df[id]!;
      const dead = ++this.dead[id]!;
      // Compacted once removed memories make up half of a term's postings: amortised, and scans stay short.
      if (dead >= left) this.compact(id);
    }
    this.changes++;
  }

  private compact(id: number): void {
    const list = this.postings[id]!;
    let kept = 0;
    for (let i = 0; i < this.used[id]!; i += 2) {
      if (this.collection[list[i]!]! < 0) continue;
      list[kept++] = list[i]!;
      list[kept++] = list[i + 1]!;
    }
    this.used[id] = kept;
    this.dead[id] = 0;
    if (kept === 0) this.postings[id] = EMPTY;
  }

  /** The best `limit` memories for these index terms (distinct) in the filter's collections, best first. */
  search(terms: string[], filter: LexicalFilter, limit: number): LexicalHit[] {
    const n = this.docs.size;
    if (!n || limit <= 0) return [];
    const wanted = new Uint8Array(this.collectionNames.list.length);
    for (const c of filter.collections) {
      const id = this.collectionNames.find(c);
      if (id !== undefined) wanted[id] = 1;
    }
    // -1: any twin; -2: a twin no memory has.
    const twin = filter.twinId ? (this.twinNames.find(filter.twinId) ?? -2) : -1;
    if (twin === -2) return [];
    const avgLength = this.tokens / n;
    const { collection, length, scores } = this;
    const touched: number[] = [];
    for (const term of terms) {
      const id = this.terms.find(term);
      if (id === undefined || !this.df[id]) continue;
      const list = this.postings[id]!;
      const end = this.used[id]!;
      const df = this.df[id]!;
      const idf = Math.max(1e-6, Math.log((n - df + 0.5) / (df + 0.5)));
      for (let i = 0; i < end; i += 2) {
        const seq = list[i]!;
        const c = collection[seq]!;
        if (c < 0 || !wanted[c] || (twin >= 0 && this.twin[seq] !== twin)) continue;
        const packed = list[i + 1]!;
        const f = HEADING_WEIGHT * (packed >>> 16) + (packed & 0xffff);
        if (scores[seq] === 0) touched.push(seq);
        scores[seq]! += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * length[seq]!) / avgLength));
      }
    }
    touched.sort((a, b) => scores[b]! - scores[a]! || a - b);
    const out = touched.slice(0, limit).map((seq) => ({ seq, score: scores[seq]! }));
    for (const seq of touched) scores[seq] = 0;
    return out;
  }

  /**
   * The index without its text: per memory its seq, collection, twin, length, terms and packed frequencies, with names
   * and terms as indexes into tables written once. Loading it back involves no tokenising.
   */
  serialize(): Buffer {
    const flat: number[] = [];
    const termIds = new Interned();
    for (const [seq, t] of this.docs) {
      flat.push(seq, this.collection[seq]!, this.twin[seq]!, this.length[seq]!, t.length / 2);
      for (let i = 0; i < t.length; i += 2) flat.push(termIds.id(this.terms.list[t[i]!]!), t[i + 1]!);
    }
    return serialize({
      format: LEXICAL_FORMAT,
      collections: this.collectionNames.list,
      twins: this.twinNames.list,
      terms: termIds.list,
      docs: Int32Array.from(flat),
    });
  }

  /** The index `serialize` wrote; throws on anything else. */
  static deserialize(data: Buffer): LexicalIndex {
    const v = deserialize(data) as {
      format: number;
      collections: string[];
      twins: string[];
      terms: string[];
      docs: Int32Array;
    };
    if (v?.format !== LEXICAL_FORMAT || !(v.docs instanceof Int32Array)) throw new Error('not a lexical index');
    const index = new LexicalIndex();
    for (const c of v.collections) index.collectionNames.id(c);
    for (const t of v.twins) index.twinNames.id(t);
    for (const t of v.terms) index.terms.id(t);
    const d = v.docs;
    const valid = (x: number, size: number) => Number.isInteger(x) && x >= 0 && x < size;
    // Postings sized exactly in a first pass, so that loading allocates one buffer per term and never grows one.
    const counts = new Int32Array(v.terms.length);
    for (let i = 0; i < d.length; ) {
      const n = d[i + 4]!;
      if (!(d[i]! > 0 && d[i + 3]! >= 0 && n >= 0 && i + 5 + 2 * n <= d.length))
        throw new Error('lexical index damaged');
      if (!valid(d[i + 1]!, v.collections.length) || !valid(d[i + 2]!, v.twins.length))
        throw new Error('lexical index damaged');
      for (let k = i + 5; k < i + 5 + 2 * n; k += 2) {
        if (!valid(d[k]!, v.terms.length)) throw new Error('lexical index damaged');
        counts[d[k]!]!++;
      }
      i += 5 + 2 * n;
    }
    for (let id = 0; id < counts.length; id++) {
      index.postings.push(counts[id] ? new Int32Array(counts[id]! * 2) : EMPTY);
      index.used.push(0);
      index.df.push(0);
      index.dead.push(0);
    }
    for (let i = 0; i < d.length; ) {
      const n = d[i + 4]!;
      if (index.docs.has(d[i]!)) throw new Error('lexical index damaged');
      index.insert(d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!, d.subarray(i + 5, i + 5 + 2 * n));
      i += 5 + 2 * n;
    }
    index.changes = 0;
    return index;
  }
}
