// `make restore BACKUP=backups/pagi-…`: puts a backup back into DATA_DIR. The stack must be stopped; whatever
// DATA_DIR held before is moved aside (never deleted), and every restored file is checked against the manifest.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fromRoot, loadDotEnv } from '@pagi/runtime';
import { alive, PID_FILE } from '../dev/paths.ts';
import type { BackupManifest } from './backup.ts';
import { restoreQdrant } from './qdrant-snapshots.ts';

export async function restore(backupDir: string, dataDir: string, qdrantUrl?: string, qdrantKey?: string) {
  const manifestFile = path.join(backupDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${backupDir} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  let movedAside: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    movedAside = `${dataDir.replace(/\/+$/, '')}.before-restore-${Date.now()}`;
    renameSync(dataDir, movedAside);
  }
  mkdirSync(dataDir, { recursive: true });
  for (const f of manifest.files) {
    const src = path.join(backupDir, 'data', f.path);
    const digest = createHash('sha256').update(readFileSync(src)).digest('hex');
    if (digest !== f.sha256) throw new Error(`backup file ${f.path} is damaged (checksum mismatch)`);
    const dest = path.join(dataDir, f.path);
    mkdirSync(path.dirname(dest), { recursive: true });
    copyFileSync(src, dest);
  }
  if (manifest.qdrant.length > 0) {
    if (!qdrantUrl) throw new Error('the backup holds Qdrant snapshots: set QDRANT_URL to restore them');
    await restoreQdrant(qdrantUrl, qdrantKey, path.join(backupDir, 'qdrant'), manifest.qdrant);
  }
  return { files: manifest.files.length, qdrant: manifest.qdrant.length, movedAside };
}

if (import.meta.main) {
  loadDotEnv();
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: make restore BACKUP=backups/pagi-<timestamp>');
    process.exit(2);
  }
  if (existsSync(PID_FILE) && alive(Number(readFileSync(PID_FILE, 'utf8')))) {
    console.error('The dev stack is running: stop it with `make stop-dev` before restoring.');
    process.exit(1);
  }
  const dataDir = fromRoot(process.env.DATA_DIR ?? 'data');
  const r = await restore(fromRoot(arg), dataDir, process.env.QDRANT_URL || undefined, process.env.QDRANT_API_KEY);
  console.log(`Restored ${r.files} files and ${r.qdrant} Qdrant collections into ${dataDir}`);
  if (r.movedAside) console.log(`The previous contents of the data folder are in ${r.movedAside}`);
}
