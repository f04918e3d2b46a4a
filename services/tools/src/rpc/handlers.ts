import type { AsyncHandlers } from '@pagi/runtime';
import type { ToolExecutorServiceHandlers } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import type { ToolExecutor } from '../execution/executor.ts';
import type { SandboxKind } from '../sandbox/types.ts';
import { executeToolRequest, listToolsRequest } from './request-schema.ts';

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
      // A caller that cancels or passes its deadline takes the running program down with it.
      const abort = new AbortController();
      call.once('cancelled', () => abort.abort());
      return deps.executor.execute(req, abort.signal);
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
