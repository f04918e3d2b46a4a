/** Which isolation ran a program: bubblewrap namespaces, or only a private working directory. */
export type SandboxKind = 'bwrap' | 'directory';

export interface ResourceLimits {
  /** Processes the run may hold at once (RLIMIT_NPROC). */
  processes: number;
  /** Address space of each process in bytes (RLIMIT_AS). */
  memoryBytes: number;
  /** Largest file the run may write in bytes (RLIMIT_FSIZE). */
  fileBytes: number;
  /**
   * Under bubblewrap: the size of each writable place of the run (its working folder and /tmp are private,
   * size-capped memory file systems; the rest of the file system is read-only).
   */
  scratchBytes: number;
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
  /**
   * The run's host folder. Under directory isolation it is the program's working directory and HOME; under
   * bubblewrap the program never sees it (it works in a private scratch folder at /sandbox).
   */
  hostDir: string;
  /** Extra read-only mounts (a tool binary, a compiler toolchain). Only used under bubblewrap. */
  mounts?: ReadOnlyMount[];
  /**
   * A host folder the program may write, seen at /out under bubblewrap: how a build hands back its binary. It is
   * lent to the run's user for the run; each file in it is capped by `limits.fileBytes`.
   */
  output?: string;
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

/** Inside bubblewrap: the program's private working folder, and where `output` appears. */
export const SANDBOX_WORKDIR = '/sandbox';
export const SANDBOX_OUTPUT = '/out';
export const SANDBOX_PATH = '/usr/local/bin:/usr/bin:/bin';
