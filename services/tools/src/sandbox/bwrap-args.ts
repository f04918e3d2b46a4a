import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { SANDBOX_OUTPUT, SANDBOX_PATH, SANDBOX_WORKDIR } from './types.ts';

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
  /** Read-only mounts, each an open folder descriptor the service passes (the run's user need not reach the path). */
  mounts: { fd: number; dest: string }[];
  /** A writable host folder (open descriptor), bound at /out. */
  outputFd?: number;
  env: Record<string, string>;
  /** Size of each private writable place (/sandbox and /tmp). */
  scratchBytes: number;
}

/**
 * bubblewrap arguments: every namespace unshared (user, pid, network, ipc, uts, cgroup), no capabilities, /proc of
 * its own PID namespace, a fresh /dev, read-only system folders, and a read-only root. The only writable places are
 * two size-capped memory file systems — the working folder /sandbox and /tmp — and, for a build, its output folder;
 * so a run can fill neither the host's memory nor its disk. The environment is cleared and rebuilt from `env` only.
 */
export function bwrapArgs(opts: BwrapOptions): string[] {
  cachedSystem ??= systemMounts();
  const size = String(opts.scratchBytes);
  const args = [
    '--unshare-all',
    '--die-with-parent',
    '--new-session',
    '--cap-drop',
    'ALL',
    '--hostname',
    'sandbox',
    ...cachedSystem,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    size,
    '--tmpfs',
    '/tmp',
    '--size',
    size,
    '--tmpfs',
    SANDBOX_WORKDIR,
  ];
  for (const m of opts.mounts) args.push('--ro-bind-fd', String(m.fd), m.dest);
  if (opts.outputFd !== undefined) args.push('--bind-fd', String(opts.outputFd), SANDBOX_OUTPUT);
  args.push('--remount-ro', '/', '--chdir', SANDBOX_WORKDIR, '--clearenv');
  for (const [k, v] of Object.entries(opts.env)) args.push('--setenv', k, v);
  return args;
}

/** The minimal environment every sandboxed program gets. */
export function baseEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: SANDBOX_PATH, HOME: home, LANG: 'C.UTF-8', ...extra };
}
