import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The real compiler behind RUSTC_PATH: rustup proxies are resolved to their toolchain's own rustc. */
export interface Toolchain {
  rustc: string;
  sysroot: string;
  version: string;
}

/**
 * Asks RUSTC_PATH for its sysroot (rustup answers for the active toolchain), so the sandbox can mount that one
 * folder read-only and run `<sysroot>/bin/rustc` directly, without rustup or the home folder it lives in.
 */
export async function resolveToolchain(rustcPath: string): Promise<Toolchain> {
  const opts = { timeout: 30_000, maxBuffer: 64 * 1024 };
  const { stdout: sysrootOut } = await run(rustcPath, ['--print', 'sysroot'], opts);
  const sysroot = path.resolve(sysrootOut.trim());
  const rustc = path.join(sysroot, 'bin', 'rustc');
  if (!existsSync(rustc)) throw new Error(`${rustcPath} reports sysroot ${sysroot}, which has no bin/rustc`);
  const { stdout: version } = await run(rustc, ['--version'], opts);
  return { rustc, sysroot, version: version.trim() };
}
