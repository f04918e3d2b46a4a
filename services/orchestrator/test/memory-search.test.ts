import type { MemoryHit } from '@pagi/contracts';
import { describe, expect, it } from 'vitest';
import { collapseCopies } from '../src/memory/memory-search.ts';

const hit = (id: string, content: string, source_file: string, score: number): MemoryHit => ({
  id,
  content,
  domain: 'mind',
  score,
  source_file,
  metadata: {},
});

describe('memory search results', () => {
  it('show a text found in several copies of a document once, with every file it is in', () => {
    const hits = collapseCopies([
      hit('a', 'Cursor pagination: pass next_cursor back.', 'ingest:api-pagination.md', 0.9),
      hit('b', 'Offsets drift when rows are inserted.', 'ingest:api-notes.md', 0.8),
      hit('c', 'Cursor pagination: pass next_cursor back.\n', 'ingest:api-pagination-copy.md', 0.9),
    ]);
    expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(hits[0]!.sources).toEqual(['ingest:api-pagination.md', 'ingest:api-pagination-copy.md']);
    expect(hits[1]!.sources).toBeUndefined();
  });
});
