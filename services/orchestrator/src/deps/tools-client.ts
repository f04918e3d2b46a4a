import type { CheckToolResponse__Output } from '@pagi/contracts/gen/tools/CheckToolResponse.ts';
import type { ExecuteToolResponse__Output } from '@pagi/contracts/gen/tools/ExecuteToolResponse.ts';
import type { GetRunResponse__Output } from '@pagi/contracts/gen/tools/GetRunResponse.ts';
import type { HealthCheckResponse__Output } from '@pagi/contracts/gen/tools/HealthCheckResponse.ts';
import type { StopRunResponse__Output } from '@pagi/contracts/gen/tools/StopRunResponse.ts';
import { ClientHolder, createClient, fromServiceError, inSpan, loadProto, unary } from '@pagi/runtime';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';

/** Beyond the tool's own timeout (enforced by the tools service), time for sandbox setup and teardown. */
const EXECUTE_DEADLINE_MS = 60_000;
const LIST_DEADLINE_MS = 2_000;
const TOOL_LIST_TTL_MS = 60_000;

/**
 * The tools service as the orchestrator uses it: sandboxed execution, the tool list (cached) and health. Failures
 * are CodedErrors (`tools_unavailable`, or the service's refusal).
 */
export class ToolsClient {
  private readonly holder: ClientHolder<ToolExecutorServiceClient>;
  private readonly toolLists = new Map<string, { names: string[]; at: number }>();

  constructor(address: string, token: string) {
    const proto = loadProto('tools');
    this.holder = new ClientHolder(() => createClient(proto.tools.ToolExecutorService, address, token));
  }

  /** Runs a tool once: `runId` names the run, so a repeat returns the recorded outcome instead of running again. */
  execute(toolName: string, args: string[], twinId: string, runId: string): Promise<ExecuteToolResponse__Output> {
    // Trace attributes name the tool and the sizes involved, never the arguments or the output themselves.
    const attributes = {
      'pagi.action_kind': 'execute_tool',
      'pagi.tool_name': toolName,
      'pagi.args_count': args.length,
    };
    return inSpan('tools.execute', { attributes }, async (span) => {
      try {
        const res = await unary(
          this.holder.get(),
          'ExecuteTool',
          { tool_name: toolName, args, twin_id: twinId, timeout_ms: 0, stdin: '', run_id: runId },
          { deadlineMs: EXECUTE_DEADLINE_MS },
        );
        span.setAttributes({ 'pagi.exit_code': res.exit_code, 'pagi.output_bytes': Buffer.byteLength(res.output) });
        return res;
      } catch (err) {
        this.holder.reset(err);
        throw fromServiceError('tools', err);
      }
    });
  }

  /** Whether the tools service would run this (policy, restrictions, existence), without running it. */
  check(toolName: string, args: string[], twinId: string): Promise<CheckToolResponse__Output> {
    return this.call('CheckTool', { tool_name: toolName, args, twin_id: twinId }, LIST_DEADLINE_MS);
  }

  /** What became of a run named by `runId` (after this process restarted mid-call, say). */
  getRun(runId: string): Promise<GetRunResponse__Output> {
    return this.call('GetRun', { run_id: runId }, LIST_DEADLINE_MS);
  }

  /** Stops the run named `runId` if it is still running; its outcome is recorded (and answered) as usual. */
  stopRun(runId: string): Promise<StopRunResponse__Output> {
    return this.call('StopRun', { run_id: runId }, LIST_DEADLINE_MS);
  }

  /**
   * Tool names the twin may run, for the planner's prompt. Served from a cache; a stale or missing entry is
   * refreshed in the background so planning never waits on it.
   */
  cachedToolNames(twinId: string): string[] | undefined {
    const entry = this.toolLists.get(twinId);
    if (!entry || Date.now() - entry.at > TOOL_LIST_TTL_MS) {
      unary(this.holder.get(), 'ListTools', { twin_id: twinId }, { deadlineMs: LIST_DEADLINE_MS }).then(
        (res) => this.toolLists.set(twinId, { names: res.tools.map((t) => t.name), at: Date.now() }),
        (err) => this.holder.reset(err),
      );
    }
    return entry?.names;
  }

  health(): Promise<HealthCheckResponse__Output> {
    return this.call('HealthCheck', {}, LIST_DEADLINE_MS);
  }

  private async call<K extends 'CheckTool' | 'GetRun' | 'StopRun' | 'HealthCheck'>(
    method: K,
    request: Parameters<typeof unary<ToolExecutorServiceClient, K>>[2],
    deadlineMs: number,
  ) {
    try {
      return await unary(this.holder.get(), method, request, { deadlineMs });
    } catch (err) {
      this.holder.reset(err);
      throw fromServiceError('tools', err);
    }
  }

  close(): void {
    this.holder.close();
  }
}
