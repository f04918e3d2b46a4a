// The sandbox is shared with the build service, which runs the compiler in the same kind of sandbox.

export { COMPILED_NAME, compiledBinary, MANIFEST } from './catalog/compiled.ts';
export { QueueFullError, Semaphore } from './concurrency/semaphore.ts';
export { type Detected, detectSandbox, findBwrap } from './sandbox/detect.ts';
export { createRunDir, type RunDir } from './sandbox/run-dir.ts';
export { Sandbox } from './sandbox/sandbox.ts';
export type { ResourceLimits, RunRequest, RunResult, SandboxKind } from './sandbox/types.ts';
