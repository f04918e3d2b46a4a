import type { AsyncHandlers } from '@pagi/runtime';
import type { BuildServiceHandlers } from '@pagi/runtime/gen/build/BuildService.ts';
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
      return deps.builder.create(req.tool_name, req.tool_code);
    },
    HealthCheck: () => ({
      status: deps.compilerVersion ? 'ok' : 'no compiler',
      compiler_version: deps.compilerVersion,
      sandboxed: deps.sandboxed,
    }),
  };
}
