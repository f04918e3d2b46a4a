import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';

export interface ProcessSpec {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Host credentials to run under (set when the service itself is root). */
  uid?: number;
  gid?: number;
  stdin?: string;
  /** Written to the child's file descriptor 3, then closed (bubblewrap reads its arguments there). */
  fd3?: string;
  /** Open descriptors the child inherits as 4, 5, … (folders bubblewrap mounts). */
  inherit?: number[];
  timeoutMs: number;
  outputMaxBytes: number;
  signal?: AbortSignal;
}

export interface ProcessOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
  signal: string;
  timedOut: boolean;
  truncated: boolean;
  durationMs: number;
}

/** Collects a stream up to `max` bytes; reports when more arrived. */
class CappedBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  overflowed = false;
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  push(chunk: Buffer): void {
    const room = this.max - this.size;
    if (chunk.length > room) {
      this.overflowed = true;
      if (room > 0) this.chunks.push(chunk.subarray(0, room));
      this.size = this.max;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

const signalName = (num: number) => Object.entries(constants.signals).find(([, n]) => n === num)?.[0] ?? `SIG${num}`;

/**
 * Runs one program in its own session and process group. The whole group is SIGKILLed at the timeout, when
 * output passes the cap, when the caller aborts, and after the main process exits (so nothing it left in the
 * background survives the run).
 */
export function runProcess(spec: ProcessSpec): Promise<ProcessOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const stdout = new CappedBuffer(spec.outputMaxBytes);
    const stderr = new CappedBuffer(spec.outputMaxBytes);
    let timedOut = false;
    let spawnError: Error | undefined;
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      uid: spec.uid,
      gid: spec.gid,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', spec.fd3 === undefined ? 'ignore' : 'pipe', ...(spec.inherit ?? [])],
    });
    const stdin = child.stdin!;
    const out = child.stdout!;
    const err = child.stderr!;
    const fd3 = child.stdio[3] as Writable | null;
    if (fd3 && spec.fd3 !== undefined) {
      fd3.on('error', () => {});
      fd3.end(spec.fd3);
    }
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const onData = (buf: CappedBuffer) => (chunk: Buffer) => {
      buf.push(chunk);
      if (buf.overflowed) killGroup();
    };
    out.on('data', onData(stdout));
    err.on('data', onData(stderr));
    stdin.on('error', () => {
      // The program may exit without reading its input; that is not an error of the run.
    });
    stdin.end(spec.stdin ?? '');

    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, spec.timeoutMs);
    const onAbort = () => killGroup();
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    // Stopped while it waited for a run slot: killed as soon as it exists (an abort event does not repeat).
    if (spec.signal?.aborted) killGroup();

    child.once('error', (err) => {
      spawnError = err;
    });
    child.once('exit', () => {
      killGroup();
      // A descendant that left the process group may still hold the pipes open; stop waiting for it.
      setTimeout(() => {
        out.destroy();
        err.destroy();
      }, 1000).unref();
    });
    child.once('close', (code, sig) => {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
      const signal = sig ?? '';
      let exitCode = code ?? (sig ? 128 + (constants.signals[sig] ?? 0) : -1);
      if (spawnError) {
        exitCode = 127;
        stderr.push(Buffer.from(`cannot start ${spec.command}: ${spawnError.message}\n`));
      }
      resolve({
        stdout: stdout.text(),
        stderr: stderr.text(),
        exitCode,
        signal,
        timedOut,
        truncated: stdout.overflowed || stderr.overflowed,
        durationMs: performance.now() - started,
      });
    });
  });
}

/** bubblewrap reports a child killed by a signal as exit status 128 + signal number. */
export function signalFromStatus(exitCode: number): string {
  return exitCode > 128 && exitCode < 128 + 65 ? signalName(exitCode - 128) : '';
}
