import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@pagi/runtime';
import { PRLIMIT } from './limits.ts';
import { createRunDir, ensureReachable, type RunAs } from './run-dir.ts';
import { Sandbox } from './sandbox.ts';

/** The unprivileged host user sandboxed programs run as when the service is root (nobody). */
export const NOBODY: RunAs = { uid: 65534, gid: 65534 };

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
  /** Run as the service's own user even when it is root (the build service, whose toolchain lives in /root). */
  keepUser?: boolean;
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
  const runAs = process.getuid?.() === 0 && !opts.keepUser ? NOBODY : undefined;
  mkdirSync(opts.sandboxRoot, { recursive: true, mode: 0o711 });
  if (runAs) ensureReachable(opts.sandboxRoot, runAs, opts.ownedRoot);
  const bwrapPath = findBwrap();
  const directory = (reason: string): Detected => {
    opts.logger.warn({ reason }, 'bubblewrap not used: programs run with directory isolation only (weaker sandbox)');
    return { sandbox: new Sandbox({ kind: 'directory', runAs }), bwrapAvailable: bwrapPath !== undefined };
  };
  if (opts.useBwrap === false) return directory('TOOLS_USE_BWRAP=false');
  if (!bwrapPath) {
    if (opts.useBwrap) throw new Error('TOOLS_USE_BWRAP=true but bwrap is not installed');
    return directory('bwrap is not installed');
  }
  const sandbox = new Sandbox({ kind: 'bwrap', bwrapPath, runAs });
  const probe = await probeSandbox(sandbox, opts.sandboxRoot);
  if (probe) {
    if (opts.useBwrap) throw new Error(`TOOLS_USE_BWRAP=true but bubblewrap does not work here: ${probe}`);
    return directory(`bubblewrap probe failed: ${probe}`);
  }
  return { sandbox, bwrapAvailable: true };
}

/** Runs `true` in the sandbox once; returns the problem, or undefined when it works. */
async function probeSandbox(sandbox: Sandbox, sandboxRoot: string): Promise<string | undefined> {
  const dir = createRunDir(sandboxRoot, 'probe', sandbox.runAs);
  try {
    const res = await sandbox.run({
      program: '/usr/bin/true',
      args: [],
      workDir: dir.work,
      timeoutMs: 10_000,
      outputMaxBytes: 4096,
      limits: { processes: 16, memoryBytes: 256 * 1024 * 1024, fileBytes: 1024 * 1024 },
    });
    return res.exitCode === 0 ? undefined : res.stderr.trim() || `exit status ${res.exitCode}`;
  } finally {
    dir.remove();
  }
}
