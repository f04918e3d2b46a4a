import hnswlib from 'hnswlib-node';

const { BruteforceSearch, HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;
type Brute = InstanceType<typeof BruteforceSearch>;

export interface IndexParams {
  dim: number;
  /** Up to this many vectors the collection is searched exactly (faster than HNSW there, and exact). */
  exactMax: number;
  m: number;
  efConstruction: number;
  efSearch: number;
}

/** Measured on 20k clustered 384-d vectors: recall@10 0.998, 0.5 ms/query, 0.64 ms/insert on one core. */
export const DEFAULT_HNSW = { m: 16, efConstruction: 64, efSearch: 64 };

export interface Neighbor {
  label: number;
  /** Cosine distance (1 - cosine similarity). */
  distance: number;
}

/**
 * The dense vectors of one collection, labelled by the SQLite `seq`. Small collections keep their vectors and search
 * them exhaustively; past `exactMax` they move to an HNSW graph, which is what gets persisted.
 */
export class VectorCollection {
  readonly name: string;
  private readonly params: IndexParams;
  /** Exact mode: the vectors themselves (needed to grow the brute-force index or to build the graph). */
  private vectors: Map<number, number[]> | null = new Map();
  private brute: Brute | null = null;
  private hnsw: Hnsw | null = null;
  private readonly twins = new Map<number, string>();
  /** Changes since the graph was last written to disk. */
  changes = 0;

  constructor(name: string, params: IndexParams) {
    this.name = name;
    this.params = params;
  }

  /** Adopts a graph read from disk (its labels are reconciled with SQLite by the caller). */
  static fromGraph(name: string, params: IndexParams, graph: Hnsw): VectorCollection {
    const c = new VectorCollection(name, params);
    c.vectors = null;
    c.hnsw = graph;
    graph.setEf(params.efSearch);
    return c;
  }

  get mode(): 'exact' | 'hnsw' {
    return this.hnsw ? 'hnsw' : 'exact';
  }

  get size(): number {
    return this.twins.size;
  }

  get graph(): Hnsw | null {
    return this.hnsw;
  }

  has(label: number): boolean {
    return this.twins.has(label);
  }

  /** Labels present in the persisted graph (including ones marked deleted), for reconciliation. */
  graphLabels(): number[] {
    return this.hnsw ? this.hnsw.getIdsList() : [];
  }

  /** Records a label that a persisted graph already holds. */
  adopt(label: number, twinId: string): void {
    this.twins.set(label, twinId);
  }

  add(label: number, vector: Float32Array, twinId: string): void {
    if (this.twins.has(label)) return;
    const point = Array.from(vector);
    this.twins.set(label, twinId);
    this.changes++;
    if (this.hnsw) {
      this.ensureGraphCapacity(1);
      this.hnsw.addPoint(point, label, true);
      return;
    }
    this.vectors!.set(label, point);
    if (this.vectors!.size > this.params.exactMax) {
      this.promote();
      return;
    }
    if (!this.brute || this.brute.getCurrentCount() >= this.brute.getMaxElements()) this.rebuildBrute();
    else this.brute.addPoint(point, label);
  }

  remove(label: number): void {
    if (!this.twins.delete(label)) return;
    this.changes++;
    if (this.hnsw) {
      this.markDeleted(label);
      return;
    }
    this.vectors!.delete(label);
    this.brute?.removePoint(label);
  }

  /** Removes a label the graph holds but SQLite no longer does (found while reconciling). */
  markDeleted(label: number): void {
    try {
      this.hnsw?.markDelete(label);
    } catch {
      // Already marked deleted in the persisted graph.
    }
  }

  search(vector: Float32Array, k: number, twinId: string): Neighbor[] {
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    const filter = twinId ? (label: number) => this.twins.get(label) === twinId : undefined;
    const index = this.hnsw ?? this.brute;
    if (!index) return [];
    if (this.hnsw) this.hnsw.setEf(Math.max(this.params.efSearch, n));
    const res = index.searchKnn(Array.from(vector), Math.min(n, index.getMaxElements()), filter);
    return res.neighbors.map((label, i) => ({ label, distance: res.distances[i]! }));
  }

  /** Crossing `exactMax`: builds the graph from the kept vectors, then drops them. */
  private promote(): void {
    const vectors = this.vectors!;
    const graph = new HierarchicalNSW('cosine', this.params.dim);
    graph.initIndex(Math.max(1024, vectors.size * 2), this.params.m, this.params.efConstruction, 100, true);
    graph.setEf(this.params.efSearch);
    for (const [label, point] of vectors) graph.addPoint(point, label, true);
    this.hnsw = graph;
    this.vectors = null;
    this.brute = null;
  }

  private rebuildBrute(): void {
    const vectors = this.vectors!;
    const brute = new BruteforceSearch('cosine', this.params.dim);
    // Four times the room: the brute-force index cannot grow, and each rebuild re-adds every vector.
    brute.initIndex(Math.min(this.params.exactMax + 1, Math.max(64, vectors.size * 4)));
    for (const [label, point] of vectors) brute.addPoint(point, label);
    this.brute = brute;
  }

  private ensureGraphCapacity(extra: number): void {
    const g = this.hnsw!;
    if (g.getCurrentCount() + extra > g.getMaxElements()) g.resizeIndex(Math.max(1024, g.getMaxElements() * 2));
  }

  /** Called before bulk-adding many points into a graph (rebuild/catch-up), to resize once. */
  reserve(extra: number): void {
    if (this.hnsw) this.ensureGraphCapacity(extra);
  }
}
