import type Database from 'better-sqlite3';

// `seq` is the label of a memory's vector in the in-memory indexes. AUTOINCREMENT guarantees a seq is never reused, so
// an index persisted earlier can be reconciled with the table by label alone: a rewritten memory gets a new seq.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS memories (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  collection TEXT NOT NULL,
  namespace TEXT NOT NULL,
  twin_id TEXT NOT NULL,
  domain TEXT NOT NULL,
  memory_type TEXT NOT NULL,
  source_file TEXT NOT NULL,
  chunk_index INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  metadata TEXT NOT NULL,
  content TEXT NOT NULL,
  vector BLOB NOT NULL,
  embedder TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS memories_collection ON memories(collection, seq);
CREATE INDEX IF NOT EXISTS memories_namespace ON memories(namespace, seq);
CREATE INDEX IF NOT EXISTS memories_source ON memories(namespace, source_file);
CREATE INDEX IF NOT EXISTS memories_embedder ON memories(embedder);
-- The lexical query checks the collection and twin of every full-text hit (thousands per query on a large store).
-- Read from the wide table, each check costs a page of content and vector; this narrow index answers it alone.
CREATE INDEX IF NOT EXISTS memories_hit_filter ON memories(seq, collection, twin_id);
-- Earlier layouts kept an fts5vocab table for document frequencies; it counted every posting of a common term.
DROP TABLE IF EXISTS memories_vocab;
`;

/**
 * Full text in two columns: where a chunk sits (its document's title and heading path), weighted above the text
 * itself, and the text. Porter stemming, so "splits" finds "split" and "splitting".
 */
const FTS = `CREATE VIRTUAL TABLE memories_fts USING fts5(
  heading, content, tokenize = "porter unicode61 remove_diacritics 2 tokenchars '_'"
)`;

/** The heading column of a memory, as `headingOf` (relevance.ts) makes it, for rows written before it existed. */
export const HEADING_SQL = `trim(coalesce(json_extract(metadata, '$.title'), '') || ' ' ||
  coalesce(json_extract(metadata, '$.heading_path'), ''))`;

/** Earlier layouts indexed the text alone, unstemmed: rebuilt once from the memories themselves. */
function migrateFts(db: Database.Database): void {
  const current = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'memories_fts'").get() as
    | { sql: string }
    | undefined;
  if (current?.sql.includes('porter')) return;
  db.transaction(() => {
    if (current) db.exec('DROP TABLE memories_fts');
    db.exec(FTS);
    db.exec(`INSERT INTO memories_fts (rowid, heading, content) SELECT seq, ${HEADING_SQL}, content FROM memories`);
  })();
}

export function migrate(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it is acknowledged, so even a power cut loses nothing acknowledged.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrateFts(db);
}
