import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@pagi/runtime';
import { PRLIMIT } from './limits.ts';
import { createRunDir, ensureReachable } from './run-dir.ts';
import { Sandbox } from './sandbox.ts';
import { UidPool } from './uid-pool.ts';

/** How many host uids a service's range holds (shared, through locks, by every service of the machine). */
export const UID_RANGE = 1000;

export function findBwrap(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const dirs = ['/usr/bin', '/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':')];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, 'bwrap');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

export interface DetectOptions {
  /** TOOLS_USE_BWRAP: true requires bubblewrap, false forbids it, undefined uses it when it works. */
  useBwrap: boolean | undefined;
  sandboxRoot: string;
  /** Folder the service owns (DATA_DIR); its folders may be opened for search by the sandbox user. */
  ownedRoot: string;
  logger: Logger;
  /** When the service is root, each run borrows its own host user from `uids` (first uid, how many). */
  uids: { base: number; count: number };
}

export interface Detected {
  sandbox: Sandbox;
  bwrapAvailable: boolean;
}

/**
 * Chooses the sandbox: bubblewrap when it is installed and a probe run works, else directory isolation with a
 * WARN. TOOLS_USE_BWRAP=true turns a missing or broken bubblewrap into a start-up error instead.
 */
export async function detectSandbox(opts: DetectOptions): Promise<Detected> {
  if (!existsSync(PRLIMIT)) throw new Error(`${PRLIMIT} (util-linux) is required to bound tool processes`);
  const users = process.getuid?.() === 0 ? new UidPool(opts.uids.base, opts.uids.count) : undefined;
  mkdirSync(opts.sandboxRoot, { recursive: true, mode: 0o711 });
  if (users) {
    // Under directory isolation a run works in its folder below SANDBOX_DIR, as a user of the range.
    ensureReachable(opts.sandboxRoot, { uid: opts.uids.base, gid: opts.uids.base }, opts.ownedRoot);
  } else {
    opts.logger.warn(
      'the service is not root: sandboxed runs use its own user and share one process budget (run it as root to give each run its own user)',
    );
  }
  const bwrapPath = findBwrap();
  const directory = (reason: string): Detected => {
    opts.logger.warn({ reason }, 'bubblewrap not used: programs run with directory isolation only (weaker sandbox)');
    return { sandbox: new Sandbox({ kind: 'directory', users }), bwrapAvailable: bwrapPath !== undefined };
  };
  if (opts.useBwrap === false) return directory('TOOLS_USE_BWRAP=false');
  if (!bwrapPath) {
    if (opts.useBwrap) throw new Error('TOOLS_USE_BWRAP=true but bwrap is not installed');
    return directory('bwrap is not installed');
  }
  const sandbox = new Sandbox({ kind: 'bwrap', bwrapPath, users });
  const probe = await probeSandbox(sandbox, opts.sandboxRoot);
  if (probe) {
    if (opts.useBwrap) throw new Error(`TOOLS_USE_BWRAP=true but bubblewrap does not work here: ${probe}`);
    return directory(`bubblewrap probe failed: ${probe}`);
  }
  return { sandbox, bwrapAvailable: true };
}

/** Runs `true` in the sandbox once; returns the problem, or undefined when it works. */
async function probeSandbox(sandbox: Sandbox, sandboxRoot: string): Promise<string | undefined> {
  const dir = createRunDir(sandboxRoot, 'probe');
  try {
    const res = await sandbox.run({
      program: '/usr/bin/true',
      args: [],
      hostDir: dir.work,
      timeoutMs: 10_000,
      outputMaxBytes: 4096,
      limits: { processes: 16, memoryBytes: 256 * 1024 * 1024, fileBytes: 1024 * 1024, scratchBytes: 1024 * 1024 },
    });
    return res.exitCode === 0 ? undefined : res.stderr.trim() || `exit status ${res.exitCode}`;
  } finally {
    dir.remove();
  }
}
