import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { type ReadOnlyMount, SANDBOX_PATH, SANDBOX_WORKDIR } from './types.ts';

/** Top-level system folders mounted read-only (or recreated as the same symlinks on merged-/usr systems). */
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/** The few files from /etc that ordinary programs need. Nothing else of /etc (shadow, ssh keys …) is visible. */
const ETC_FILES = ['/etc/ld.so.cache', '/etc/localtime', '/etc/passwd', '/etc/group', '/etc/alternatives'];

function systemMounts(): string[] {
  const args: string[] = [];
  for (const dir of SYSTEM_DIRS) {
    if (!existsSync(dir)) continue;
    const st = lstatSync(dir);
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else args.push('--ro-bind', dir, dir);
  }
  for (const file of ETC_FILES) if (existsSync(file)) args.push('--ro-bind', file, file);
  return args;
}

let cachedSystem: string[] | undefined;

export interface BwrapOptions {
  workDir: string;
  mounts: ReadOnlyMount[];
  env: Record<string, string>;
  tmpBytes: number;
}

/**
 * bubblewrap arguments: every namespace unshared (user, pid, network, ipc, uts, cgroup), /proc of its own PID
 * namespace, a fresh /dev, read-only system folders, a size-bounded private /tmp, and the run directory as the
 * only writable place. The environment is cleared and rebuilt from `env` only.
 */
export function bwrapArgs(opts: BwrapOptions): string[] {
  cachedSystem ??= systemMounts();
  const args = [
    '--unshare-all',
    '--die-with-parent',
    '--new-session',
    '--hostname',
    'sandbox',
    ...cachedSystem,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    String(opts.tmpBytes),
    '--tmpfs',
    '/tmp',
  ];
  for (const m of opts.mounts) args.push('--ro-bind', m.host, m.dest ?? m.host);
  args.push('--bind', opts.workDir, SANDBOX_WORKDIR, '--chdir', SANDBOX_WORKDIR, '--clearenv');
  for (const [k, v] of Object.entries(opts.env)) args.push('--setenv', k, v);
  return args;
}

/** The minimal environment every sandboxed program gets. */
export function baseEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: SANDBOX_PATH, HOME: home, LANG: 'C.UTF-8', ...extra };
}
