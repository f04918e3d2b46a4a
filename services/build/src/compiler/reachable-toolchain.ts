import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '@pagi/runtime';
import { ensureReachable, type RunAs, reachableBy } from '@pagi/tools';
import type { Toolchain } from './toolchain.ts';

const run = promisify(execFile);

/**
 * The toolchain as the build users can reach it. A toolchain that rustup installed in root's private home is out of
 * their reach, so its `bin` and `lib` folders are mirrored once per version under DATA_DIR/toolchains — as hard links
 * (instant, no space) or, across file systems, as a copy. The compiler then runs as an unprivileged user.
 */
export async function reachableToolchain(
  tc: Toolchain,
  opts: { dataDir: string; user: RunAs | undefined; logger: Logger },
): Promise<Toolchain> {
  if (!opts.user || reachableBy(tc.rustc, opts.user)) return tc;
  const id = createHash('sha256').update(`${tc.sysroot}\0${tc.version}`).digest('hex').slice(0, 12);
  const mirror = path.join(opts.dataDir, 'toolchains', id);
  const done = path.join(mirror, '.complete');
  if (!existsSync(done)) {
    rmSync(mirror, { recursive: true, force: true });
    mkdirSync(mirror, { recursive: true, mode: 0o755 });
    const parts = ['bin', 'lib'].map((d) => path.join(tc.sysroot, d));
    try {
      await run('cp', ['-al', ...parts, mirror]);
    } catch {
      opts.logger.info({ sysroot: tc.sysroot }, 'toolchain on another file system: copying it for the build users');
      await run('cp', ['-a', ...parts, mirror], { maxBuffer: 1 << 20 });
    }
    writeFileSync(done, `${tc.version}\n`);
    opts.logger.info({ sysroot: tc.sysroot, mirror }, 'toolchain mirrored where the build users can read it');
  }
  ensureReachable(mirror, opts.user, opts.dataDir);
  return { ...tc, sysroot: mirror, rustc: path.join(mirror, 'bin', 'rustc') };
}
