import type { ResourceLimits } from './types.ts';

export const PRLIMIT = '/usr/bin/prlimit';

/**
 * argv prefix that applies the resource limits and then execs the program (no extra process stays around).
 * RLIMIT_NPROC only binds a non-root user; the sandbox therefore never runs programs as host root.
 */
export function prlimitPrefix(limits: ResourceLimits): string[] {
  return [
    PRLIMIT,
    `--nproc=${limits.processes}`,
    `--as=${limits.memoryBytes}`,
    `--fsize=${limits.fileBytes}`,
    '--core=0',
    '--',
  ];
}
