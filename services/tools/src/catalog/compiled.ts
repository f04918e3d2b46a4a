import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { COMPILED_TOOL_NAME_PATTERN } from '@pagi/contracts';

export const MANIFEST = 'manifest.json';
const MAX_LISTED = 1000;

/** `<repo>/<name>/<name>`: the executable of a compiled tool. */
export function compiledBinary(repoDir: string, name: string): string {
  return path.join(repoDir, name, name);
}

/** The tool's executable when it is installed (checked on every call, so new builds show up at once). */
export function findCompiled(repoDir: string, name: string): string | undefined {
  if (!COMPILED_TOOL_NAME_PATTERN.test(name)) return undefined;
  const bin = compiledBinary(repoDir, name);
  try {
    const st = statSync(bin);
    return st.isFile() && (st.mode & 0o111) !== 0 ? bin : undefined;
  } catch {
    return undefined;
  }
}

export interface CompiledTool {
  name: string;
  description: string;
}

function describe(repoDir: string, name: string): string {
  try {
    const m = JSON.parse(readFileSync(path.join(repoDir, name, MANIFEST), 'utf8')) as {
      created_at?: string;
      source_hash?: string;
    };
    return `compiled Rust tool (built ${m.created_at ?? 'unknown'}, source ${String(m.source_hash ?? '').slice(0, 12)})`;
  } catch {
    return 'compiled Rust tool';
  }
}

export function listCompiled(repoDir: string): CompiledTool[] {
  let names: string[];
  try {
    names = readdirSync(repoDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => findCompiled(repoDir, n))
    .sort()
    .slice(0, MAX_LISTED)
    .map((name) => ({ name, description: describe(repoDir, name) }));
}
