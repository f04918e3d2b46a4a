import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compiledBinary, MANIFEST } from '@pagi/tools';

export interface Manifest {
  name: string;
  source_hash: string;
  created_at: string;
  compiler_version: string;
  size_bytes: number;
}

/**
 * Installs a built executable as `<repo>/<name>/<name>` with its manifest. Each file is written under a temporary
 * name in the same folder and renamed into place, so a reader sees the old file or the new one, never a part.
 */
export function installTool(repoDir: string, name: string, built: string, manifest: Manifest): string {
  const dir = path.join(repoDir, name);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const suffix = randomBytes(6).toString('hex');
  const target = compiledBinary(repoDir, name);
  const tmpBin = path.join(dir, `.${name}.${suffix}.tmp`);
  const tmpManifest = path.join(dir, `.${MANIFEST}.${suffix}.tmp`);
  try {
    copyFileSync(built, tmpBin);
    chmodSync(tmpBin, 0o755);
    writeFileSync(tmpManifest, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644 });
    renameSync(tmpBin, target);
    renameSync(tmpManifest, path.join(dir, MANIFEST));
  } finally {
    rmSync(tmpBin, { force: true });
    rmSync(tmpManifest, { force: true });
  }
  return target;
}
