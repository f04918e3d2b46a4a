import path from 'node:path';
import { baseEnv, bwrapArgs } from './bwrap-args.ts';
import { prlimitPrefix } from './limits.ts';
import { runProcess, signalFromStatus } from './process-run.ts';
import type { RunAs } from './run-dir.ts';
import { type RunRequest, type RunResult, SANDBOX_WORKDIR, type SandboxKind } from './types.ts';

export interface SandboxOptions {
  kind: SandboxKind;
  /** Path of the bwrap binary (when kind is bwrap). */
  bwrapPath?: string;
  /** Host user the program runs as; set when the service is root, so that process limits bind. */
  runAs?: RunAs;
}

/** Where a host path appears inside bubblewrap, given the read-only mounts of the run. */
function insidePath(hostPath: string, req: RunRequest): string {
  for (const m of req.mounts ?? []) {
    if (!m.dest) continue;
    if (hostPath === m.host) return m.dest;
    if (hostPath.startsWith(`${m.host}/`)) return path.posix.join(m.dest, hostPath.slice(m.host.length + 1));
  }
  return hostPath;
}

/** Runs programs either under bubblewrap or, as the weaker fallback, in a private directory only. */
export class Sandbox {
  readonly kind: SandboxKind;
  readonly runAs: RunAs | undefined;
  private readonly bwrapPath: string;

  constructor(opts: SandboxOptions) {
    this.kind = opts.kind;
    this.runAs = opts.runAs;
    this.bwrapPath = opts.bwrapPath ?? 'bwrap';
  }

  async run(req: RunRequest): Promise<RunResult> {
    const common = {
      stdin: req.stdin,
      timeoutMs: req.timeoutMs,
      outputMaxBytes: req.outputMaxBytes,
      signal: req.signal,
      uid: this.runAs?.uid,
      gid: this.runAs?.gid,
    };
    if (this.kind === 'bwrap') {
      const env = baseEnv(SANDBOX_WORKDIR, req.env);
      const args = [
        ...bwrapArgs({ workDir: req.workDir, mounts: req.mounts ?? [], env, tmpBytes: req.limits.fileBytes }),
        '--',
        ...prlimitPrefix(req.limits),
        insidePath(req.program, req),
        ...req.args,
      ];
      const out = await runProcess({ ...common, command: this.bwrapPath, args, cwd: req.workDir, env: {} });
      // bwrap exits with 128 + n when its child died of signal n.
      const signal = out.signal || signalFromStatus(out.exitCode);
      return { ...out, signal, sandbox: 'bwrap' };
    }
    const out = await runProcess({
      ...common,
      command: prlimitPrefix(req.limits)[0]!,
      args: [...prlimitPrefix(req.limits).slice(1), req.program, ...req.args],
      cwd: req.workDir,
      env: baseEnv(req.workDir, req.env),
    });
    return { ...out, signal: out.signal || signalFromStatus(out.exitCode), sandbox: 'directory' };
  }
}
