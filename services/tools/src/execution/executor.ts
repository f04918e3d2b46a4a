import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { CodedError, describeIssues, type ErrorCode } from '@pagi/contracts';
import type { ExecuteToolRequest__Output } from '@pagi/contracts/gen/tools/ExecuteToolRequest.ts';
import type { ExecuteToolResponse__Output } from '@pagi/contracts/gen/tools/ExecuteToolResponse.ts';
import type { ToolInfo__Output } from '@pagi/contracts/gen/tools/ToolInfo.ts';
import type { Logger } from '@pagi/runtime';
import { counter, histogram, LATENCY_BUCKETS } from '@pagi/runtime';
import type { ZodError } from 'zod';
import type { AuditLog } from '../audit/audit-log.ts';
import { NETWORK_SCAN, networkScan, type ScanGates } from '../builtin/network-scan.ts';
import type { Catalog, ToolRef } from '../catalog/catalog.ts';
import type { Semaphore } from '../concurrency/semaphore.ts';
import { decide, isAllowedFor, restrictionOf } from '../policy/decide.ts';
import type { PolicyStore } from '../policy/watch.ts';
import type { RunLedger, RunState } from '../runs/run-ledger.ts';
import { createRunDir } from '../sandbox/run-dir.ts';
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { ResourceLimits } from '../sandbox/types.ts';

type ExecuteInput = ExecuteToolRequest__Output;
type ExecuteOutput = ExecuteToolResponse__Output;

export interface ExecutorOptions {
  policy: PolicyStore;
  catalog: Catalog;
  sandbox: Sandbox;
  audit: AuditLog;
  slots: Semaphore;
  logger: Logger;
  runs: RunLedger;
  sandboxRoot: string;
  timeoutMs: number;
  outputMaxBytes: number;
  limits: ResourceLimits;
  allowRestricted: boolean;
  scanGates: ScanGates;
}

/** Where a compiled tool's binary appears inside bubblewrap (a read-only copy made for the run). */
const TOOL_MOUNT = '/opt/tool';

/** Policy check, sandboxed run and audit of one ExecuteTool call. */
export class ToolExecutor {
  private readonly o: ExecutorOptions;
  private readonly runs = counter('tools_executions_total', 'Tool executions and refusals', ['kind', 'outcome']);
  /** Named runs in progress, each with the switch that stops it (StopRun). */
  private readonly stoppers = new Map<string, AbortController>();
  private readonly seconds = histogram(
    'tools_execution_seconds',
    'Duration of tool runs',
    ['kind', 'sandbox'],
    LATENCY_BUCKETS,
  );

  constructor(opts: ExecutorOptions) {
    this.o = opts;
  }

  private refuse(
    input: Pick<ExecuteInput, 'tool_name' | 'args' | 'twin_id'>,
    kind: string,
    reason: string,
    code: ErrorCode,
  ): CodedError {
    this.o.audit.record({
      twin_id: input.twin_id,
      tool: input.tool_name,
      kind,
      args: input.args,
      decision: 'refused',
      reason,
    });
    this.runs.inc({ kind, outcome: 'refused' });
    return new CodedError(code, reason);
  }

  /** Audits a request refused before the policy saw it (a malformed name, too many arguments …). */
  recordInvalid(request: { tool_name?: string; twin_id?: string; args?: string[] }, error: ZodError): void {
    const clip = (v: unknown) => String(v ?? '').slice(0, 128);
    this.o.audit.record({
      twin_id: clip(request.twin_id),
      tool: clip(request.tool_name),
      kind: 'invalid',
      args: Array.isArray(request.args) ? request.args.slice(0, 16).map(clip) : [],
      decision: 'refused',
      reason: describeIssues(error),
    });
    this.runs.inc({ kind: 'invalid', outcome: 'refused' });
  }

  /**
   * The policy's verdict on a run without running it: the tool it resolves to, or a refusal (a CodedError with the
   * reason), audited unless `audit` is off.
   */
  admit(input: Pick<ExecuteInput, 'tool_name' | 'args' | 'twin_id'>, audit = true): ToolRef {
    const policy = this.o.policy.policy;
    const refuse = (kind: string, reason: string, code: ErrorCode) =>
      audit ? this.refuse(input, kind, reason, code) : new CodedError(code, reason);
    // Restricted commands are refused by name and arguments before anything else, installed or not.
    const restricted = decide(
      policy,
      { twinId: input.twin_id, tool: input.tool_name, kind: 'system', args: input.args },
      this.o.allowRestricted,
      'restricted-only',
    );
    if (!restricted.allowed) throw refuse('restricted', restricted.reason, 'forbidden');
    const ref = this.o.catalog.resolve(policy, input.tool_name);
    if (!ref) throw refuse('unknown', `unknown tool ${input.tool_name}`, 'not_found');
    const decision = decide(
      policy,
      { twinId: input.twin_id, tool: ref.name, kind: ref.kind, args: input.args },
      this.o.allowRestricted,
    );
    if (!decision.allowed) throw refuse(ref.kind, decision.reason, 'forbidden');
    return ref;
  }

  /** What became of a run named by its caller. */
  run(runId: string): RunState {
    return this.o.runs.get(runId);
  }

  /** Stops a named run still running here; true when it was. */
  stop(runId: string): boolean {
    const stopper = this.stoppers.get(runId);
    stopper?.abort();
    return stopper !== undefined;
  }

  async execute(input: ExecuteInput, signal?: AbortSignal): Promise<ExecuteOutput> {
    const ref = this.admit(input);
    if (input.run_id) {
      // A named run happens at most once: a repeat gets the recorded outcome, never a second run.
      const prior = this.o.runs.begin(input.run_id, input.twin_id, ref.name);
      if (prior.state === 'finished') return prior.result;
      if (prior.state === 'running') throw new CodedError('failed_precondition', 'this run is already in progress');
      if (prior.state === 'interrupted') {
        throw new CodedError('failed_precondition', 'this run was interrupted by a restart of the tools service');
      }
    }
    let result: ExecuteOutput | undefined;
    // Only a named run can be stopped by StopRun; an unnamed one stops with its caller (`signal`).
    const stopper = input.run_id ? new AbortController() : undefined;
    if (stopper) this.stoppers.set(input.run_id!, stopper);
    const stop = stopper && signal ? AbortSignal.any([signal, stopper.signal]) : (stopper?.signal ?? signal);
    try {
      result = await this.runAdmitted(ref, input, stop);
      return result;
    } finally {
      if (input.run_id) {
        this.stoppers.delete(input.run_id);
        this.o.runs.finish(input.run_id, result);
      }
    }
  }

  private async runAdmitted(ref: ToolRef, input: ExecuteInput, signal?: AbortSignal): Promise<ExecuteOutput> {
    const timeoutMs = Math.min(input.timeout_ms || this.o.timeoutMs, this.o.timeoutMs);

    let result: ExecuteOutput;
    try {
      // Built-in tools take a run slot too, so the same concurrency and time limits hold for them.
      result = await this.o.slots.run(() =>
        ref.kind === 'builtin' ? this.runBuiltin(input, timeoutMs) : this.runSandboxed(ref, input, timeoutMs, signal),
      );
    } catch (err) {
      if (err instanceof CodedError && err.code !== 'resource_exhausted') {
        throw this.refuse(input, ref.kind, err.message, err.code);
      }
      this.o.audit.record({
        twin_id: input.twin_id,
        tool: ref.name,
        kind: ref.kind,
        args: input.args,
        decision: 'failed',
        reason: (err as Error).message,
      });
      throw err;
    }
    this.o.audit.record({
      twin_id: input.twin_id,
      tool: ref.name,
      kind: ref.kind,
      args: input.args,
      decision: 'executed',
      exit_code: result.exit_code,
      signal: result.signal || undefined,
      timed_out: result.timed_out,
      truncated: result.truncated,
      sandbox: result.sandbox,
      duration_ms: Math.round(result.duration_ms * 100) / 100,
    });
    this.runs.inc({ kind: ref.kind, outcome: result.timed_out ? 'timeout' : result.exit_code === 0 ? 'ok' : 'error' });
    this.seconds.observe({ kind: ref.kind, sandbox: result.sandbox }, result.duration_ms / 1000);
    return result;
  }

  private async runBuiltin(input: ExecuteInput, timeoutMs: number): Promise<ExecuteOutput> {
    const scan = await networkScan(input.args, this.o.scanGates, timeoutMs);
    return {
      output: scan.output,
      stderr: scan.timedOut ? `scan stopped at the ${timeoutMs} ms timeout\n` : '',
      exit_code: scan.timedOut ? 124 : 0,
      duration_ms: scan.durationMs,
      truncated: false,
      // Runs inside the service (a sandboxed program has no network); reported as such.
      sandbox: 'builtin',
      timed_out: scan.timedOut,
      signal: '',
    };
  }

  private async runSandboxed(
    ref: ToolRef,
    input: ExecuteInput,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<ExecuteOutput> {
    const dir = createRunDir(this.o.sandboxRoot, 'run');
    try {
      let program = ref.path!;
      const mounts = [];
      if (ref.kind === 'compiled') {
        // A private copy: the sandbox user need not reach the repository, and a rebuild cannot swap it mid-run.
        const inputs = dir.inputs();
        program = path.join(inputs, ref.name);
        copyFileSync(ref.path!, program);
        mounts.push({ host: inputs, dest: TOOL_MOUNT });
      }
      const res = await this.o.sandbox.run({
        program,
        args: input.args,
        hostDir: dir.work,
        mounts,
        stdin: input.stdin,
        timeoutMs,
        outputMaxBytes: this.o.outputMaxBytes,
        limits: this.o.limits,
        signal,
      });
      return {
        output: res.stdout,
        stderr: res.stderr,
        exit_code: res.exitCode,
        duration_ms: res.durationMs,
        truncated: res.truncated,
        sandbox: res.sandbox,
        timed_out: res.timedOut,
        signal: res.signal,
      };
    } finally {
      try {
        dir.remove();
      } catch (err) {
        this.o.logger.error({ err, dir: dir.root }, 'could not remove a run directory');
      }
    }
  }

  /** Tools a twin may run now: allowed by its allowlist and not refused outright as restricted. */
  list(twinId: string): ToolInfo__Output[] {
    const policy = this.o.policy.policy;
    return this.o.catalog
      .all(policy)
      .filter((t) => isAllowedFor(policy, twinId, t.name, t.kind))
      .filter((t) => this.o.allowRestricted || !restrictionOf(policy, t.name, []))
      .map((t) => ({ name: t.name, description: t.description, kind: t.kind }));
  }

  toolCount(): number {
    return this.o.catalog.all(this.o.policy.policy).length;
  }
}

export { NETWORK_SCAN };
