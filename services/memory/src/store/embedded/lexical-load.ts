import type { Logger } from '@pagi/runtime';
import { headingOf } from '../relevance.ts';
import { readLexical } from './index-files.ts';
import { LexicalIndex } from './lexical-index.ts';
import type { MemoryTable } from './memory-table.ts';

/**
 * The lexical index at start-up, in line with SQLite: the persisted one without memories deleted since it was saved
 * and with the ones written since tokenised in, or, when there is none to trust, built from every memory's text.
 */
export function loadLexical(table: MemoryTable, opts: { vectorsDir: string; logger: Logger }): LexicalIndex {
  const started = performance.now();
  const read = readLexical(opts.vectorsDir);
  const index = read.index ?? new LexicalIndex();
  const inSql = new Set(table.seqs());
  let removed = 0;
  for (const seq of [...index.seqs()]) {
    if (!inSql.has(seq)) {
      index.remove(seq);
      removed++;
    }
  }
  const missing = [...inSql].filter((seq) => !index.has(seq));
  for (let i = 0; i < missing.length; i += 500) {
    for (const row of table.texts(missing.slice(i, i + 500))) {
      const heading = headingOf(JSON.parse(row.metadata) as Record<string, string>);
      index.add({ seq: row.seq, collection: row.collection, twinId: row.twin_id, heading, content: row.content });
    }
  }
  const added = missing.length;
  index.changes = added + removed;
  const how = read.index ? `persisted index caught up (${added} added, ${removed} removed)` : `built (${read.reason})`;
  if (read.index === undefined && read.reason !== 'index file missing')
    opts.logger.warn({ reason: read.reason }, 'rebuilding lexical index from SQLite');
  const ms = Math.round(performance.now() - started);
  opts.logger.info({ memories: index.size, ms }, `lexical index ready: ${how}`);
  return index;
}
