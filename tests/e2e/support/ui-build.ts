// Global setup of the browser tests: they load the UI's production build, so it is rebuilt first when any of its
// sources is newer than it (`make test` has just built it; a direct `vitest run --project e2e` may not have).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BUILT = path.join(ROOT, 'frontend/dist/index.html');
const SOURCES = ['frontend/src', 'frontend/index.html', 'frontend/vite.config.ts', 'packages/contracts/src'];

function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

export default function buildUiIfStale(): void {
  const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  const changed = SOURCES.find((s) => newest(path.join(ROOT, s)) > built);
  if (!changed) return;
  process.stderr.write(`[e2e] building the UI: ${built ? `${changed} changed since` : 'no'} frontend/dist\n`);
  execFileSync(path.join(ROOT, 'frontend/node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: path.join(ROOT, 'frontend'),
    stdio: 'inherit',
    timeout: 5 * 60_000,
  });
}
