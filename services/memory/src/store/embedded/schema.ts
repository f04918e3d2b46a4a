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
-- Earlier layouts ranked lexically with SQLite FTS5; the in-memory lexical index (lexical-index.ts) replaced it.
DROP TABLE IF EXISTS memories_vocab;
DROP TABLE IF EXISTS memories_fts;
DROP INDEX IF EXISTS memories_hit_filter;
`;

export function migrate(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it is acknowledged, so even a power cut loses nothing acknowledged.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
}
