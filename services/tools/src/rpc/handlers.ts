import { type AsyncHandlers, invalidArgument, resourceExhausted } from '@pagi/kit';
import type { ToolExecutorServiceHandlers } from '@pagi/kit/gen/tools/ToolExecutorService.ts';
import { QueueFullError } from '../concurrency/semaphore.ts';
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
      try {
        return await deps.executor.execute(req, abort.signal);
      } catch (err) {
        if (err instanceof QueueFullError) throw resourceExhausted(err.message);
        throw err;
      }
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

export { invalidArgument };
