import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const MAX_FILES = 100_000;

/** Hidden files, editor swap files and partial downloads are never ingested. */
export function isIgnored(file: string): boolean {
  const base = path.basename(file);
  return base.startsWith('.') || base.endsWith('~') || /\.(swp|swx|tmp|part|crdownload|partial)$/i.test(base);
}

/**
 * Every candidate file under `dir`, recursively; symlinks are listed, not followed (confinement decides on them).
 * Unsupported formats are listed too so they are reported as rejected; the folder's own README.md is not.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    if (depth > 16 || out.length >= MAX_FILES) return;
    let entries: Dirent[];
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (isIgnored(p)) continue;
      if (e.isDirectory()) await walk(p, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && !(depth === 0 && e.name.toLowerCase() === 'readme.md'))
        out.push(p);
    }
  };
  await walk(dir, 0);
  return out;
}
