import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRunDir, type RunDir, SANDBOX_OUTPUT, type Sandbox } from '@pagi/tools';
import type { Toolchain } from './toolchain.ts';

export interface CompileOptions {
  sandbox: Sandbox;
  toolchain: Toolchain;
  sandboxRoot: string;
  timeoutMs: number;
  memoryBytes: number;
  scratchBytes: number;
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
/** Largest file a build may write (the tool's binary, the linker's intermediate files). */
const BINARY_MAX_BYTES = 64 * 1024 * 1024;
const SOURCE_MOUNT = '/src';

export const sourceHash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Compiles one Rust file with `rustc -O` inside the sandbox, as an unprivileged user without capabilities: the
 * compiler sees its own toolchain, the system and the source read-only, works in a private size-capped scratch
 * space, and writes only its output folder (each file capped) — so `include_str!` cannot reach host files and a
 * build can fill neither memory nor disk. The caller removes the returned run directory once the binary is installed.
 */
export async function compileRust(name: string, code: string, opts: CompileOptions): Promise<Compiled> {
  const dir = createRunDir(opts.sandboxRoot, `build-${name}`);
  try {
    const src = dir.inputs();
    writeFileSync(path.join(src, 'main.rs'), code, { mode: 0o644 });
    // Under bubblewrap the source is seen at /src and the output folder at /out; without it, where they are.
    const bwrap = opts.sandbox.kind === 'bwrap';
    const [srcDir, outDir] = bwrap ? [SOURCE_MOUNT, SANDBOX_OUTPUT] : [src, dir.work];
    const res = await opts.sandbox.run({
      program: opts.toolchain.rustc,
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
        // One codegen unit: a handful of files in the output folder, whatever the source.
        '-C',
        'codegen-units=1',
        '-o',
        path.posix.join(outDir, name),
        path.posix.join(srcDir, 'main.rs'),
      ],
      hostDir: dir.work,
      output: dir.work,
      mounts: [{ host: opts.toolchain.sysroot }, { host: src, dest: SOURCE_MOUNT }],
      timeoutMs: opts.timeoutMs,
      outputMaxBytes: OUTPUT_MAX_BYTES,
      limits: {
        processes: 64,
        memoryBytes: opts.memoryBytes,
        fileBytes: BINARY_MAX_BYTES,
        scratchBytes: opts.scratchBytes,
      },
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
