// The embedded store's lexical side: BM25 as SQLite FTS5 computes it, migration from the FTS5 layout, the index kept
// in line with SQLite across restarts, and the common-term cut-off kept exact across writes.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Domain } from '@pagi/contracts';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { lexicalVector } from '../src/embedding/lexical-embedder.ts';
import { memoryId } from '../src/service/ids.ts';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { HEADING_WEIGHT, LexicalIndex } from '../src/store/embedded/lexical-index.ts';
import { DEFAULT_HNSW } from '../src/store/embedded/vector-collection.ts';
import { queryWords } from '../src/store/relevance.ts';
import type { NewMemory, QueryParams } from '../src/store/types.ts';
import { indexTerm } from '../src/text/terms.ts';
import { tempDataDir } from './helpers/memory-process.ts';
import { logger } from './helpers/stores.ts';

const DIM = 64;

function open(dir: string): Promise<EmbeddedStore> {
  return EmbeddedStore.open({
    stateDir: path.join(dir, 'state'),
    vectorsDir: path.join(dir, 'vectors'),
    embedder: `lexical-fallback:test:${DIM}`,
    index: { dim: DIM, exactMax: 100_000, ...DEFAULT_HNSW },
    persistEveryMs: 60_000,
    logger,
  });
}

function memory(key: string, content: string, domain: Domain | '' = '', twinId = ''): NewMemory {
  return {
    id: memoryId('lex', key),
    content,
    namespace: 'lex',
    twinId,
    domain,
    memoryType: 'note',
    sourceFile: '',
    chunkIndex: 0,
    contentHash: '',
    metadata: { key },
    vector: lexicalVector(content, DIM),
  };
}

const params = (text: string, extra: Partial<QueryParams> = {}): QueryParams => ({
  namespace: 'lex',
  text,
  vector: lexicalVector(text, DIM),
  topK: 10,
  domains: [],
  twinId: '',
  ...extra,
});

/** What a user sees of a query: ids in order with their lexical share. */
async function answer(store: EmbeddedStore, p: QueryParams) {
  return (await store.query(p)).map((r) => ({ key: r.record.metadata.key, lexical: r.lexicalScore }));
}

const sqlite = (dir: string) => new Database(path.join(dir, 'state', 'memory.sqlite'));

const TOPICS = ['glacier', 'harbor', 'orchard', 'canyon', 'meadow'];
/** Texts of varied length and term frequency, with headings on some. */
const corpus = Array.from({ length: 120 }, (_, i) => ({
  heading: i % 3 ? '' : `${TOPICS[(i + 1) % 5]} field notes`,
  content: `${`${TOPICS[i % 5]} `.repeat(1 + (i % 4))}survey ${i % 7 ? 'tides' : 'drift'} report ${'and the '.repeat(i % 6)}code Q${i}X`,
}));

describe('embedded store lexical search', () => {
  it('scores exactly as SQLite FTS5 bm25() with the same column weights', () => {
    const db = new Database(':memory:');
    db.exec(
      `CREATE VIRTUAL TABLE f USING fts5(heading, content, tokenize = "porter unicode61 remove_diacritics 2 tokenchars '_'")`,
    );
    const insert = db.prepare('INSERT INTO f (rowid, heading, content) VALUES (?, ?, ?)');
    const index = new LexicalIndex();
    corpus.forEach((d, i) => {
      insert.run(i + 1, d.heading, d.content);
      index.add({ seq: i + 1, collection: 'c', twinId: '', ...d });
    });
    // Removals are part of the statistics too.
    for (const seq of [4, 9, 50]) {
      db.prepare('DELETE FROM f WHERE rowid = ?').run(seq);
      index.remove(seq);
    }
    for (const q of ['glacier survey', 'harbor drift notes', 'meadow', 'canyon tides Q33X', 'orchard field']) {
      const words = queryWords(q);
      const expected = db
        .prepare(
          `SELECT rowid AS seq, -bm25(f, ${HEADING_WEIGHT}, 1.0) AS score FROM f WHERE f MATCH ? ORDER BY bm25(f, ${HEADING_WEIGHT}, 1.0), rowid LIMIT 15`,
        )
        .all(words.map((w) => `"${w}"`).join(' OR ')) as Array<{ seq: number; score: number }>;
      const got = index.search([...new Set(words.map(indexTerm))], { collections: ['c'], twinId: '' }, 15);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(
        got.map((h) => h.seq),
        q,
      ).toEqual(expected.map((e) => e.seq));
      for (const [i, h] of got.entries()) expect(h.score, q).toBeCloseTo(expected[i]!.score, 9);
    }
    db.close();
  });

  it('reads back what it wrote, and refuses a damaged file', () => {
    const index = new LexicalIndex();
    for (const [i, d] of corpus.entries())
      index.add({ seq: i + 1, collection: i % 2 ? 'a' : 'b', twinId: `t${i % 3}`, ...d });
    index.remove(7);
    const copy = LexicalIndex.deserialize(index.serialize());
    const filter = { collections: ['a'], twinId: 't1' };
    expect(copy.size).toBe(119);
    expect(copy.search(['glacier', 'survey'], filter, 20)).toEqual(index.search(['glacier', 'survey'], filter, 20));
    expect(copy.frequency('tide')).toBe(index.frequency('tide'));
    const data = index.serialize();
    data.writeUInt32LE(0x7fffffff, data.length - 64);
    expect(() => LexicalIndex.deserialize(data)).toThrow();
  });

  it('migrates a database of the FTS5 layout and finds the same memories with the same filters', async () => {
    const dir = tempDataDir();
    let store = await open(dir);
    const domains: Array<Domain | ''> = ['', 'body', 'mind'];
    await store.upsert(
      Array.from({ length: 60 }, (_, i) =>
        memory(
          `m${i}`,
          `entry ${i} about ${i % 2 ? 'glacier' : 'harbor'} tides code Q${i}X`,
          domains[i % 3],
          `t${i % 4}`,
        ),
      ),
    );
    const queries = [
      params('glacier tides'),
      params('Q17X'),
      params('harbor code', { domains: ['body'] }),
      params('glacier', { twinId: 't1' }),
      params('tides', { domains: ['mind', 'body'], twinId: 't2' }),
    ];
    const before = await Promise.all(queries.map((q) => answer(store, q)));
    await store.close();

    // The earlier layout: a full-text table and its hit-filter index, and no lexical index file.
    const db = sqlite(dir);
    db.exec(`CREATE VIRTUAL TABLE memories_fts USING fts5(heading, content);
      INSERT INTO memories_fts (rowid, heading, content) SELECT seq, '', content FROM memories;
      CREATE INDEX memories_hit_filter ON memories(seq, collection, twin_id);`);
    db.close();
    rmSync(path.join(dir, 'vectors', '_lexical.bm25'));

    store = await open(dir);
    const after = await Promise.all(queries.map((q) => answer(store, q)));
    await store.close();
    expect(after).toEqual(before);
    expect(before[1]![0]).toEqual({ key: 'm17', lexical: 1 });
    expect(before[2]!.length).toBeGreaterThan(0);
    expect(before[3]!.every((r) => Number(r.key!.slice(1)) % 4 === 1)).toBe(true);

    const check = sqlite(dir);
    const names = (check.prepare('SELECT name FROM sqlite_master').all() as Array<{ name: string }>).map((n) => n.name);
    check.close();
    expect(names).not.toContain('memories_fts');
    expect(names).not.toContain('memories_hit_filter');
  });

  it('matches stems and headings, and nothing for stop words alone', async () => {
    const store = await open(tempDataDir());
    const note = memory('pages', 'When a full page splits, half of its keys move to a new sibling.');
    note.metadata = { key: 'pages', title: 'Storage engine notes', heading_path: 'B-tree > Page layout' };
    await store.upsert([note, memory('other', 'Tea with Priya on Thursdays; she prefers green tea.')]);
    const lexicalKeys = async (text: string) =>
      (await answer(store, params(text))).filter((r) => r.lexical > 0).map((r) => r.key);
    expect(await lexicalKeys('splitting')).toEqual(['pages']); // "splits" and "splitting" share a stem
    expect(await lexicalKeys('layout of a tree page')).toEqual(['pages']); // from the headings, not the text
    expect(await lexicalKeys('how is the')).toEqual([]); // nothing but stop words
    await store.close();
  });

  it('leaves out a term once a write makes it too common, and takes it back once deletes make it rare', async () => {
    const store = await open(tempDataDir());
    // 1000 memories; a term is "too common" above max(500, 5% of all) = 500 of them.
    await store.upsert(
      Array.from({ length: 1000 }, (_, i) => memory(`m${i}`, `${i < 500 ? 'wave' : 'calm'} sample ${i}`)),
    );
    const lexicalHits = async () => (await answer(store, params('wave'))).filter((r) => r.lexical > 0).length;
    expect(await lexicalHits()).toBe(10);

    await store.upsert([memory('x1', 'wave extra one'), memory('x2', 'wave extra two')]);
    expect(await lexicalHits()).toBe(0);

    expect(await store.deleteById(memoryId('lex', 'x1'))).toBe(true);
    expect(await store.deleteById(memoryId('lex', 'x2'))).toBe(true);
    expect(await lexicalHits()).toBe(10);
    await store.close();
  });
});
