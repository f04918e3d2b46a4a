import { chownSync, closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { baseEnv, bwrapArgs } from './bwrap-args.ts';
import { prlimitPrefix } from './limits.ts';
import { runProcess, signalFromStatus } from './process-run.ts';
import type { RunAs } from './run-dir.ts';
import { type RunRequest, type RunResult, SANDBOX_WORKDIR, type SandboxKind } from './types.ts';
import type { UidPool } from './uid-pool.ts';

export interface SandboxOptions {
  kind: SandboxKind;
  /** Path of the bwrap binary (when kind is bwrap). */
  bwrapPath?: string;
  /**
   * Host users runs borrow one at a time, so each run has its own process budget; set when the service is root.
   * Without it programs run as the service's own user.
   */
  users?: UidPool;
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
  private readonly bwrapPath: string;
  private readonly users: UidPool | undefined;

  constructor(opts: SandboxOptions) {
    this.kind = opts.kind;
    this.bwrapPath = opts.bwrapPath ?? 'bwrap';
    this.users = opts.users;
  }

  /** Whether runs get their own host user (the service is root) or share the service's. */
  get ownUsers(): boolean {
    return this.users !== undefined;
  }

  async run(req: RunRequest): Promise<RunResult> {
    const who = this.users?.acquire();
    try {
      // The run's user owns what the run may write outside its scratch space.
      for (const dir of [req.output, this.kind === 'directory' ? req.hostDir : undefined]) {
        if (who && dir) chownSync(dir, who.uid, who.gid);
      }
      return this.kind === 'bwrap' ? await this.runBwrap(req, who) : await this.runDirectory(req, who);
    } finally {
      if (who) this.users?.release(who);
    }
  }

  private async runBwrap(req: RunRequest, who: RunAs | undefined): Promise<RunResult> {
    // Mounted by descriptor: the service opens each folder, so the run's user need not be able to reach its path
    // (a toolchain under /root, a run folder under a private DATA_DIR).
    const opened = [...(req.mounts ?? []).map((m) => m.host), ...(req.output ? [req.output] : [])].map((p) =>
      openSync(p, 'r'),
    );
    try {
      const fdInChild = (i: number) => 4 + i;
      const options = bwrapArgs({
        mounts: (req.mounts ?? []).map((m, i) => ({ fd: fdInChild(i), dest: m.dest ?? m.host })),
        outputFd: req.output ? fdInChild(opened.length - 1) : undefined,
        env: baseEnv(SANDBOX_WORKDIR, req.env),
        scratchBytes: req.limits.scratchBytes,
      });
      // The limits are set on bubblewrap itself (inherited by everything in the sandbox), and its options come
      // through a pipe (--args), so the sandbox's own command line, which the program can read in /proc/1/cmdline,
      // shows only the program and its arguments: no host path, no setting of the sandbox.
      const [prlimit, ...limits] = prlimitPrefix(req.limits);
      const out = await runProcess({
        command: prlimit!,
        args: [...limits, this.bwrapPath, '--args', '3', insidePath(req.program, req), ...req.args],
        fd3: `${options.join('\0')}\0`,
        inherit: opened,
        cwd: '/',
        env: {},
        uid: who?.uid,
        gid: who?.gid,
        stdin: req.stdin,
        timeoutMs: req.timeoutMs,
        outputMaxBytes: req.outputMaxBytes,
        signal: req.signal,
      });
      // bwrap exits with 128 + n when its child died of signal n.
      return { ...out, signal: out.signal || signalFromStatus(out.exitCode), sandbox: 'bwrap' };
    } finally {
      for (const fd of opened) closeSync(fd);
    }
  }

  private async runDirectory(req: RunRequest, who: RunAs | undefined): Promise<RunResult> {
    const [command, ...prefix] = prlimitPrefix(req.limits);
    const out = await runProcess({
      command: command!,
      args: [...prefix, req.program, ...req.args],
      cwd: req.hostDir,
      env: baseEnv(req.hostDir, req.env),
      uid: who?.uid,
      gid: who?.gid,
      stdin: req.stdin,
      timeoutMs: req.timeoutMs,
      outputMaxBytes: req.outputMaxBytes,
      signal: req.signal,
    });
    return { ...out, signal: out.signal || signalFromStatus(out.exitCode), sandbox: 'directory' };
  }
}
