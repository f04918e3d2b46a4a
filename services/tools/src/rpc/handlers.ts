import { CodedError, describeIssues } from '@pagi/contracts';
import type { AsyncHandlers } from '@pagi/runtime';
import type { ToolExecutorServiceHandlers } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import type { ToolExecutor } from '../execution/executor.ts';
import type { SandboxKind } from '../sandbox/types.ts';
import {
  checkToolRequest,
  executeToolRequest,
  getRunRequest,
  listToolsRequest,
  stopRunRequest,
} from './request-schema.ts';

export interface HandlerDeps {
  executor: ToolExecutor;
  sandbox: SandboxKind;
  bwrapAvailable: boolean;
}

export function toolsHandlers(deps: HandlerDeps): AsyncHandlers<ToolExecutorServiceHandlers> {
  return {
    ExecuteTool: async (request, call) => {
      const parsed = executeToolRequest.safeParse(request);
      if (!parsed.success) {
        deps.executor.recordInvalid(request, parsed.error);
        throw parsed.error;
      }
      const req = parsed.data;
      // A caller that cancels or passes its deadline takes the running program down with it — unless it named the
      // run: then the run finishes within its own timeout and its outcome waits for the caller to ask (GetRun).
      const abort = new AbortController();
      if (!req.run_id) call.once('cancelled', () => abort.abort());
      return deps.executor.execute(req, abort.signal);
    },
    CheckTool: (request) => {
      const parsed = checkToolRequest.safeParse(request);
      if (!parsed.success) {
        return { allowed: false, reason: describeIssues(parsed.error), code: 'invalid_request' };
      }
      try {
        deps.executor.admit(parsed.data, false);
        return { allowed: true, reason: '', code: '' };
      } catch (err) {
        if (!(err instanceof CodedError)) throw err;
        return { allowed: false, reason: err.message, code: err.code };
      }
    },
    GetRun: (request) => {
      const { run_id } = getRunRequest.parse(request);
      const run = deps.executor.run(run_id);
      return { state: run.state, result: run.state === 'finished' ? run.result : null };
    },
    StopRun: (request) => {
      const { run_id } = stopRunRequest.parse(request);
      const stopped = deps.executor.stop(run_id);
      return { stopped, state: deps.executor.run(run_id).state };
    },
    ListTools: (request) => {
      const req = listToolsRequest.parse(request);
      return { tools: deps.executor.list(req.twin_id) };
    },
    HealthCheck: () => ({
      status: 'ok',
      sandbox: deps.sandbox,
      bwrap_available: deps.bwrapAvailable,
      tool_count: deps.executor.toolCount(),
    }),
  };
}
