// `make backup`: a consistent copy of the platform's state, taken while it runs.
// SQLite databases go through SQLite's online backup API (a consistent snapshot even mid-write); other files
// (media, ingest drops, vector index files, which the memory service can rebuild from SQLite) are copied as they are.
// With QDRANT_URL set, every Qdrant collection is snapshotted through its snapshot API and downloaded too.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fromRoot, loadDotEnv } from '@pagi/runtime';
import Database from 'better-sqlite3';
import { snapshotQdrant } from './qdrant-snapshots.ts';
import { isSqlite, isSqliteSideFile, walk } from './sqlite-files.ts';

/** Folders that are scratch space or re-creatable caches, not state. */
const SKIP = new Set(['run', 'sandbox', 'models']);

export interface BackupManifest {
  created_at: string;
  data_dir: string;
  files: { path: string; bytes: number; sha256: string; sqlite: boolean }[];
  qdrant: { collection: string; file: string }[];
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export async function backup(dataDir: string, outDir: string, qdrantUrl?: string, qdrantKey?: string) {
  mkdirSync(outDir, { recursive: true });
  const manifest: BackupManifest = { created_at: new Date().toISOString(), data_dir: dataDir, files: [], qdrant: [] };
  for (const rel of walk(dataDir, SKIP)) {
    if (isSqliteSideFile(rel)) continue;
    const src = path.join(dataDir, rel);
    const dest = path.join(outDir, 'data', rel);
    mkdirSync(path.dirname(dest), { recursive: true });
    const sqlite = isSqlite(src);
    if (sqlite) {
      const db = new Database(src, { fileMustExist: true });
      try {
        await db.backup(dest);
      } finally {
        db.close();
      }
    } else {
      copyFileSync(src, dest);
    }
    manifest.files.push({ path: rel, bytes: statSync(dest).size, sha256: sha256(dest), sqlite });
  }
  if (qdrantUrl) manifest.qdrant = await snapshotQdrant(qdrantUrl, qdrantKey, path.join(outDir, 'qdrant'));
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.main) {
  loadDotEnv();
  const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
  const dataDir = fromRoot(values.data ?? process.env.DATA_DIR ?? 'data');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = fromRoot(values.out ?? path.join('backups', `pagi-${stamp}`));
  const m = await backup(dataDir, outDir, process.env.QDRANT_URL || undefined, process.env.QDRANT_API_KEY);
  const sqlite = m.files.filter((f) => f.sqlite).length;
  console.log(
    `Backed up ${m.files.length} files (${sqlite} SQLite databases) and ${m.qdrant.length} Qdrant collections`,
  );
  console.log(`to ${outDir}\nRestore with: make restore BACKUP=${path.relative(process.cwd(), outDir)}`);
}
