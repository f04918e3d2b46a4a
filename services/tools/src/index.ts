// The tools package's public API beyond its gRPC service: the sandbox, which the build service uses to run the
// compiler in the same kind of sandbox, and the compiled-tool layout of tools_repo/ both services share.

export { compiledBinary, MANIFEST } from './catalog/compiled.ts';
export { Semaphore } from './concurrency/semaphore.ts';
export { type Detected, detectSandbox, findBwrap, UID_RANGE } from './sandbox/detect.ts';
export { createRunDir, ensureReachable, type RunAs, type RunDir, reachableBy } from './sandbox/run-dir.ts';
export { Sandbox } from './sandbox/sandbox.ts';
export type { ResourceLimits, RunRequest, RunResult, SandboxKind } from './sandbox/types.ts';
export { SANDBOX_OUTPUT } from './sandbox/types.ts';
export { UidPool } from './sandbox/uid-pool.ts';
