// The embedded store's lexical side: migration of an earlier SQLite layout, and the common-term cut-off kept exact
// across writes.
import path from 'node:path';
import type { Domain } from '@pagi/contracts';
import { createLogger } from '@pagi/runtime';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { lexicalVector } from '../src/embedding/lexical-embedder.ts';
import { memoryId } from '../src/service/ids.ts';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { DEFAULT_HNSW } from '../src/store/embedded/vector-collection.ts';
import type { NewMemory, QueryParams } from '../src/store/types.ts';
import { tempDataDir } from './helpers/memory-process.ts';

const DIM = 64;
const logger = createLogger('memory-test', 'silent');

function open(dir: string): EmbeddedStore {
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

describe('embedded store lexical search', () => {
  it('migrates a database of the earlier layout and finds the same memories with the same filters', async () => {
    const dir = tempDataDir();
    let store = open(dir);
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

    // The earlier layout: no hit-filter index, and an fts5vocab table for document frequencies.
    const db = sqlite(dir);
    db.exec(`DROP INDEX memories_hit_filter;
      CREATE VIRTUAL TABLE memories_vocab USING fts5vocab(memories_fts, 'row');`);
    db.close();

    store = open(dir);
    const after = await Promise.all(queries.map((q) => answer(store, q)));
    await store.close();
    expect(after).toEqual(before);
    expect(before[1]![0]).toEqual({ key: 'm17', lexical: 1 });
    expect(before[2]!.length).toBeGreaterThan(0);
    expect(before[3]!.every((r) => Number(r.key!.slice(1)) % 4 === 1)).toBe(true);

    const check = sqlite(dir);
    const names = check.prepare('SELECT name FROM sqlite_master').all() as Array<{ name: string }>;
    check.close();
    expect(names.map((n) => n.name)).toContain('memories_hit_filter');
    expect(names.map((n) => n.name)).not.toContain('memories_vocab');
  });

  it('rebuilds an unstemmed text index of the earlier layout: stems and headings then match', async () => {
    const dir = tempDataDir();
    let store = open(dir);
    const note = memory('pages', 'When a full page splits, half of its keys move to a new sibling.');
    note.metadata = { key: 'pages', title: 'Storage engine notes', heading_path: 'B-tree > Page layout' };
    await store.upsert([note, memory('other', 'Tea with Priya on Thursdays; she prefers green tea.')]);
    await store.close();
    // The earlier layout: one unstemmed column.
    const db = sqlite(dir);
    db.exec(`DROP TABLE memories_fts;
      CREATE VIRTUAL TABLE memories_fts USING fts5(content, tokenize = "unicode61 remove_diacritics 2 tokenchars '_'");
      INSERT INTO memories_fts (rowid, content) SELECT seq, content FROM memories;`);
    db.close();

    store = open(dir);
    const lexicalKeys = async (text: string) =>
      (await answer(store, params(text))).filter((r) => r.lexical > 0).map((r) => r.key);
    expect(await lexicalKeys('splitting')).toEqual(['pages']); // "splits" and "splitting" share a stem
    expect(await lexicalKeys('layout of a tree page')).toEqual(['pages']); // from the headings, not the text
    expect(await lexicalKeys('how is the')).toEqual([]); // nothing but stop words
    await store.close();
  });

  it('leaves out a term once a write makes it too common, and takes it back once deletes make it rare', async () => {
    const store = open(tempDataDir());
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
