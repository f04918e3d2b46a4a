import { COMPILED_NAME } from '@pagi/tools';
import { z } from 'zod';

export function createToolRequest(maxSourceBytes: number) {
  return z.object({
    tool_name: z
      .string()
      .regex(COMPILED_NAME, 'tool_name must be 1-64 of a-z, 0-9, "_" or "-", starting with a letter'),
    tool_code: z
      .string()
      .min(1, 'tool_code is empty')
      .refine((c) => Buffer.byteLength(c) <= maxSourceBytes, `tool_code is larger than ${maxSourceBytes} bytes`)
      .refine((c) => !c.includes('\0'), 'tool_code must not contain NUL bytes'),
  });
}
