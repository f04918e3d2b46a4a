import { CompiledToolName } from '@pagi/contracts';
import { z } from 'zod';

export function createToolRequest(maxSourceBytes: number) {
  return z.object({
    tool_name: CompiledToolName,
    tool_code: z
      .string()
      .min(1, 'tool_code is empty')
      .refine((c) => Buffer.byteLength(c) <= maxSourceBytes, `tool_code is larger than ${maxSourceBytes} bytes`)
      .refine((c) => !c.includes('\0'), 'tool_code must not contain NUL bytes'),
  });
}
