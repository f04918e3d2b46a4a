import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { CodedError } from '@pagi/contracts';

// Only files inside the ingest folder or the starter knowledge folder may be ingested. Paths are resolved with
// symlinks followed, so a link inside the folder that points elsewhere is refused.

export interface Root {
  /** Short name used in source labels: "ingest" or "knowledge_bases". */
  name: string;
  dir: string;
  real: string;
}

export interface Located {
  /** Real absolute path of the file. */
  real: string;
  /** Path as named (inside a root), used as the file's identity. */
  path: string;
  root: Root;
  /** Stable label stored with every chunk, e.g. "ingest:notes/plan.md". */
  source: string;
  id: string;
}

/** A path that may not be ingested: `not_found` inside the folders, `path_not_allowed` anywhere else. */
export class PathRefused extends CodedError {
  /** Set when the refused path itself sits inside a root (a link pointing out): it gets a ledger entry. */
  readonly entry: { path: string; source: string; id: string } | undefined;
  /** `missing`: inside the folders but not there; `outside`: not allowed at all. */
  readonly reason: 'missing' | 'outside';
  constructor(message: string, reason: 'missing' | 'outside', entry?: { path: string; source: string; id: string }) {
    super(reason === 'missing' ? 'not_found' : 'path_not_allowed', message);
    this.name = 'PathRefused';
    this.reason = reason;
    this.entry = entry;
  }
}

function labelOf(named: string, root: Root): { path: string; source: string; id: string } {
  const base = named.startsWith(root.dir + path.sep) ? root.dir : root.real;
  const source = `${root.name}:${path.relative(base, named).split(path.sep).join('/')}`;
  return { path: named, source, id: fileId(source) };
}

export function makeRoot(name: string, dir: string): Root {
  const abs = path.resolve(dir);
  return { name, dir: abs, real: existsSync(abs) ? realpathSync(abs) : abs };
}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

export const fileId = (p: string) => createHash('sha256').update(p).digest('hex').slice(0, 16);

/**
 * Locates `input` (absolute, or relative to the ingest folder, then to `cwd`) inside one of `roots`.
 * Throws PathRefused when it lies outside them, after symlinks are resolved.
 */
export function locate(input: string, roots: Root[], cwd: string): Located {
  if (input.includes('\0')) throw new PathRefused('path contains a NUL byte', 'outside');
  const candidates = path.isAbsolute(input)
    ? [path.normalize(input)]
    : [...roots.map((r) => path.resolve(r.dir, input)), path.resolve(cwd, input)];
  const named = candidates.find((c) => existsSync(c)) ?? candidates[0]!;
  const lexical = roots.find((r) => inside(named, r.dir) || inside(named, r.real));
  if (!existsSync(named)) {
    if (!lexical) throw new PathRefused(`${input} is outside the ingest folder and knowledge_bases/`, 'outside');
    throw new PathRefused(`${input} does not exist`, 'missing');
  }
  const real = realpathSync(named);
  const root = roots.find((r) => inside(real, r.real));
  if (!root) {
    if (lexical) {
      throw new PathRefused(
        `symlink points outside the ingest folder and knowledge_bases/ (to ${real}); refused`,
        'outside',
        labelOf(named, lexical),
      );
    }
    throw new PathRefused(`${input} is outside the ingest folder and knowledge_bases/`, 'outside');
  }
  // Identity is the path inside the root as named; a link to another file inside the roots is its own entry.
  const base = lexical ?? root;
  return { real, root: base, ...labelOf(named, base) };
}
