import type { Logger } from '@pagi/runtime';
import { readGraph, removeGraph } from './index-files.ts';
import { blobToVector } from './rows.ts';
import { type IndexParams, VectorCollection } from './vector-collection.ts';
import type { VectorRows } from './vector-rows.ts';

/**
 * One collection's vector index at start-up, in line with SQLite (the truth): the persisted graph caught up with what
 * was written or deleted since it was saved, or, when there is none to trust, rebuilt from the stored vectors.
 */
export function loadIndex(
  table: VectorRows,
  name: string,
  opts: {
    embedder: string;
    index: IndexParams;
    vectorsDir: string;
    /** The graph's file name (without extension) in vectorsDir. */
    file: string;
    logger: Pick<Logger, 'info' | 'warn' | 'debug'>;
  },
): VectorCollection {
  const { embedder, index, vectorsDir, file, logger } = opts;
  const started = performance.now();
  const labels = table.labels(name, embedder);
  let collection: VectorCollection;
  let how: string;
  const read = labels.length > index.exactMax ? readGraph(vectorsDir, file, embedder, index) : undefined;
  if (read?.graph) {
    collection = VectorCollection.fromGraph(name, index, read.graph);
    const inSql = new Set(labels.map((l) => l.seq));
    const inGraph = new Set(collection.graphLabels());
    let removed = 0;
    for (const label of inGraph) {
      if (!inSql.has(label)) {
        collection.markDeleted(label);
        removed++;
      }
    }
    const missing = new Set<number>();
    for (const l of labels) {
      if (inGraph.has(l.seq)) collection.adopt(l.seq, l.twin_id);
      else missing.add(l.seq);
    }
    if (missing.size) {
      collection.reserve(missing.size);
      for (const row of table.vectors(name, embedder)) {
        if (missing.has(row.seq)) collection.add(row.seq, blobToVector(row.vector), row.twin_id);
      }
    }
    collection.changes = missing.size + removed;
    how = `persisted index caught up (${missing.size} added, ${removed} removed)`;
  } else {
    collection = new VectorCollection(name, index);
    for (const row of table.vectors(name, embedder)) collection.add(row.seq, blobToVector(row.vector), row.twin_id);
    if (read) logger.warn({ collection: name, file, reason: read.reason }, 'rebuilding vector index from SQLite');
    else removeGraph(vectorsDir, file);
    how = read ? `rebuilt (${read.reason})` : 'exact search';
  }
  const ms = Math.round(performance.now() - started);
  logger.info(
    { collection: name, file, vectors: collection.size, mode: collection.mode, ms },
    `vector index ready: ${how}`,
  );
  return collection;
}
