import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: PAGI_ROOT when set, else the nearest folder above the kit holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  if (process.env.PAGI_ROOT) return path.resolve(process.env.PAGI_ROOT);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** Resolves a configured path: absolute paths stay, relative ones are taken from the repository root. */
export function fromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.join(repoRoot(), p);
}
