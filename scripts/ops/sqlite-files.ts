import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';

const MAGIC = Buffer.from('SQLite format 3\0');

/** True when the file starts with SQLite's header (database files, whatever their extension). */
export function isSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Every regular file under dir (relative paths), skipping the folders named in skip. */
export function walk(dir: string, skip: Set<string>, base = dir): string[] {
  const out: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const rel = path.relative(base, full);
    if (e.isDirectory()) {
      if (!skip.has(rel)) out.push(...walk(full, skip, base));
    } else if (e.isFile()) {
      out.push(rel);
    }
  }
  return out;
}

/** SQLite's side files: their content is folded into the backup of the main file. */
export const isSqliteSideFile = (f: string) => /-(wal|shm|journal)$/.test(f);
