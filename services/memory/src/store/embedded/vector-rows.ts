import Database from 'better-sqlite3';

/**
 * The stored vectors of a collection (or of one shard of it: the seqs equal to `shard` modulo `shards`), read through a
 * read-only connection of its own: a vector index worker builds and catches up its graphs from them while the store's
 * connection writes (WAL lets both proceed).
 */
export class VectorRows {
  private readonly db: Database.Database;
  private readonly s;
  private readonly shard: [number, number];

  constructor(file: string, shard = 0, shards = 1) {
    this.db = new Database(file, { readonly: true });
    this.shard = [shards, shard];
    const where = 'collection = ? AND embedder = ? AND seq % ? = ?';
    this.s = {
      labels: this.db.prepare<[string, string, number, number], { seq: number; twin_id: string }>(
        `SELECT seq, twin_id FROM memories WHERE ${where} ORDER BY seq`,
      ),
      vectors: this.db.prepare<[string, string, number, number], { seq: number; twin_id: string; vector: Buffer }>(
        `SELECT seq, twin_id, vector FROM memories WHERE ${where} ORDER BY seq`,
      ),
    };
  }

  labels(collection: string, embedder: string): Array<{ seq: number; twin_id: string }> {
    return this.s.labels.all(collection, embedder, ...this.shard);
  }

  vectors(collection: string, embedder: string): IterableIterator<{ seq: number; twin_id: string; vector: Buffer }> {
    return this.s.vectors.iterate(collection, embedder, ...this.shard);
  }

  close(): void {
    this.db.close();
  }
}
