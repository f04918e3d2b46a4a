import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CodedError } from '@pagi/contracts';
import type { CreateToolResponse__Output } from '@pagi/contracts/gen/build/CreateToolResponse.ts';
import type { Logger } from '@pagi/runtime';
import { counter, histogram } from '@pagi/runtime';
import type { Sandbox } from '@pagi/tools';
import { compileRust, sourceHash } from '../compiler/compile.ts';
import type { Toolchain } from '../compiler/toolchain.ts';
import { installTool } from '../install/install.ts';
import type { BuildQueue } from '../queue/build-queue.ts';

export interface BuilderOptions {
  sandbox: Sandbox;
  /** Undefined when no compiler was found at start; builds are then refused. */
  toolchain: Toolchain | undefined;
  /** Why builds are refused (no compiler, or no sandbox the operator accepted). */
  unavailable?: string;
  queue: BuildQueue;
  repoDir: string;
  sandboxRoot: string;
  timeoutMs: number;
  memoryBytes: number;
  scratchBytes: number;
  logger: Logger;
}

/** Compile, then install on success; a failed build leaves the installed version as it was. */
export class Builder {
  private readonly o: BuilderOptions;
  private readonly builds = counter('build_compilations_total', 'Tool builds', ['outcome']);
  private readonly seconds = histogram(
    'build_compile_seconds',
    'Duration of tool builds',
    ['outcome'],
    [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
  );

  constructor(opts: BuilderOptions) {
    this.o = opts;
  }

  async create(name: string, code: string): Promise<CreateToolResponse__Output> {
    const toolchain = this.o.toolchain;
    if (this.o.unavailable || !toolchain)
      throw new CodedError('failed_precondition', this.o.unavailable ?? 'no Rust compiler available');
    const hash = sourceHash(code);
    return this.o.queue.run(name, async () => {
      const started = performance.now();
      this.o.logger.info({ tool: name, source_hash: hash }, 'build started');
      const compiled = await compileRust(name, code, {
        sandbox: this.o.sandbox,
        toolchain,
        sandboxRoot: this.o.sandboxRoot,
        timeoutMs: this.o.timeoutMs,
        memoryBytes: this.o.memoryBytes,
        scratchBytes: this.o.scratchBytes,
      });
      try {
        let binaryPath = '';
        if (compiled.binary) {
          binaryPath = installTool(this.o.repoDir, name, compiled.binary, {
            name,
            source_hash: hash,
            created_at: new Date().toISOString(),
            compiler_version: toolchain.version,
            size_bytes: statSync(compiled.binary).size,
          });
        }
        const outcome = binaryPath ? 'ok' : compiled.timedOut ? 'timeout' : 'error';
        const durationMs = performance.now() - started;
        this.builds.inc({ outcome });
        this.seconds.observe({ outcome }, durationMs / 1000);
        this.o.logger.info({ tool: name, outcome, duration_ms: Math.round(durationMs) }, 'build finished');
        return {
          stdout: compiled.stdout,
          stderr: compiled.stderr,
          exit_code: binaryPath ? 0 : compiled.exitCode || 1,
          installed_tool: binaryPath ? name : '',
          source_hash: hash,
          duration_ms: durationMs,
          compiler_version: toolchain.version,
        };
      } finally {
        compiled.dir.remove();
      }
    });
  }
}
