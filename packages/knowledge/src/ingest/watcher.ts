import { mkdirSync } from 'node:fs';
import type { Logger } from '@pagi/runtime';
import { type FSWatcher, watch } from 'chokidar';
import { PathRefused } from './confinement.ts';
import type { Ingestor } from './ingestor.ts';
import type { Library } from './library.ts';
import { isIgnored } from './scan.ts';

/**
 * Watches the ingest folder: new and changed files are offered once their size has been stable for
 * `stabilityMs` (so half-written files are not read), deleted files are removed from the knowledge base.
 */
export async function watchIngestDir(
  dir: string,
  ingestor: Ingestor,
  library: Library,
  logger: Logger,
  stabilityMs: number,
): Promise<FSWatcher> {
  mkdirSync(dir, { recursive: true });
  const watcher = watch(dir, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (p: string) => isIgnored(p) && p !== dir,
    awaitWriteFinish: { stabilityThreshold: stabilityMs, pollInterval: Math.max(20, Math.floor(stabilityMs / 4)) },
    depth: 16,
  });
  const offer = (p: string) => {
    try {
      ingestor.offer(p);
    } catch (err) {
      if (!(err instanceof PathRefused)) logger.error({ err, path: p }, 'cannot offer a file for ingestion');
    }
  };
  watcher.on('add', offer);
  watcher.on('change', offer);
  watcher.on('unlink', (p) => {
    library.removeDeleted(p).catch((err) => logger.error({ err, path: p }, 'cannot remove a deleted file'));
  });
  watcher.on('error', (err) => logger.error({ err }, 'ingest folder watcher error'));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return watcher;
}
