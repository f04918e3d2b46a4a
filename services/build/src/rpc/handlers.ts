import { type AsyncHandlers, resourceExhausted } from '@pagi/kit';
import type { BuildServiceHandlers } from '@pagi/kit/gen/build/BuildService.ts';
import { QueueFullError } from '@pagi/tools';
import type { Builder } from '../builder/builder.ts';
import { createToolRequest } from './request-schema.ts';

export interface HandlerDeps {
  builder: Builder;
  maxSourceBytes: number;
  compilerVersion: string;
  sandboxed: boolean;
}

export function buildHandlers(deps: HandlerDeps): AsyncHandlers<BuildServiceHandlers> {
  const schema = createToolRequest(deps.maxSourceBytes);
  return {
    CreateTool: async (request) => {
      const req = schema.parse(request);
      try {
        return await deps.builder.create(req.tool_name, req.tool_code);
      } catch (err) {
        if (err instanceof QueueFullError) throw resourceExhausted(err.message);
        throw err;
      }
    },
    HealthCheck: () => ({
      status: deps.compilerVersion ? 'ok' : 'no compiler',
      compiler_version: deps.compilerVersion,
      sandboxed: deps.sandboxed,
    }),
  };
}
