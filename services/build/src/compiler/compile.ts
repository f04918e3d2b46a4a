import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRunDir, type RunDir, type Sandbox } from '@pagi/tools';
import type { Toolchain } from './toolchain.ts';

export interface CompileOptions {
  sandbox: Sandbox;
  toolchain: Toolchain;
  sandboxRoot: string;
  timeoutMs: number;
  memoryBytes: number;
}

export interface Compiled {
  stdout: string;
  stderr: string;
  exitCode: number;
  timedOut: boolean;
  /** Host path of the built executable (inside the run directory) when the build succeeded. */
  binary?: string;
  dir: RunDir;
}

const OUTPUT_MAX_BYTES = 1024 * 1024;

export const sourceHash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Compiles one Rust file with `rustc -O` inside the sandbox: the compiler sees its own toolchain and the system
 * read-only, the run directory writable and nothing else, so `include_str!` cannot reach host files. The caller
 * removes the returned run directory once the binary is installed.
 */
export async function compileRust(name: string, code: string, opts: CompileOptions): Promise<Compiled> {
  const dir = createRunDir(opts.sandboxRoot, `build-${name}`, opts.sandbox.runAs);
  try {
    writeFileSync(path.join(dir.work, 'main.rs'), code, { mode: 0o644 });
    const res = await opts.sandbox.run({
      program: opts.toolchain.rustc,
      // Relative paths: the working directory is the run directory under either kind of sandbox.
      args: [
        '-O',
        '--edition',
        '2021',
        '--crate-type',
        'bin',
        '--crate-name',
        name.replaceAll('-', '_'),
        '-C',
        'strip=symbols',
        '-o',
        name,
        'main.rs',
      ],
      workDir: dir.work,
      mounts: [{ host: opts.toolchain.sysroot }],
      timeoutMs: opts.timeoutMs,
      outputMaxBytes: OUTPUT_MAX_BYTES,
      limits: { processes: 64, memoryBytes: opts.memoryBytes, fileBytes: 256 * 1024 * 1024 },
    });
    const binary = path.join(dir.work, name);
    const ok = res.exitCode === 0 && !res.timedOut && existsSync(binary);
    const stderr = res.timedOut ? `${res.stderr}compilation stopped after ${opts.timeoutMs} ms\n` : res.stderr;
    return {
      stdout: res.stdout,
      stderr,
      exitCode: res.exitCode,
      timedOut: res.timedOut,
      binary: ok ? binary : undefined,
      dir,
    };
  } catch (err) {
    dir.remove();
    throw err;
  }
}
