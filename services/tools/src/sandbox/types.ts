/** Which isolation ran a program: bubblewrap namespaces, or only a private working directory. */
export type SandboxKind = 'bwrap' | 'directory';

export interface ResourceLimits {
  /** Processes the run may hold at once (RLIMIT_NPROC). */
  processes: number;
  /** Address space of each process in bytes (RLIMIT_AS). */
  memoryBytes: number;
  /** Largest file the run may write in bytes (RLIMIT_FSIZE); also the size of its private /tmp. */
  fileBytes: number;
}

/** A read-only view of a host path inside the sandbox. */
export interface ReadOnlyMount {
  host: string;
  /** Path inside the sandbox; defaults to the host path. */
  dest?: string;
}

export interface RunRequest {
  /** Program path as seen inside the sandbox (absolute). */
  program: string;
  args: string[];
  /** Host directory the program may write; it is the working directory and HOME. */
  workDir: string;
  /** Extra read-only mounts (a tool binary, a compiler toolchain). Only used under bubblewrap. */
  mounts?: ReadOnlyMount[];
  /** Environment besides the minimal PATH, HOME and LANG. */
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs: number;
  /** Cap for stdout and for stderr, each. */
  outputMaxBytes: number;
  limits: ResourceLimits;
  /** Ends the run early (the caller went away). */
  signal?: AbortSignal;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit status; 128 + signal number when a signal ended the program. */
  exitCode: number;
  /** Name of the signal that ended the program, or ''. */
  signal: string;
  timedOut: boolean;
  truncated: boolean;
  durationMs: number;
  sandbox: SandboxKind;
}

/** Where the sandboxed program lives: inside bubblewrap the working directory appears here. */
export const SANDBOX_WORKDIR = '/sandbox';
export const SANDBOX_PATH = '/usr/local/bin:/usr/bin:/bin';
