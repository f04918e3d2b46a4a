import { z } from 'zod';

/** Bounds of an ExecuteTool request, checked before the policy sees it. */
export const MAX_ARGS = 256;
export const MAX_ARG_BYTES = 8192;
export const MAX_STDIN_BYTES = 1024 * 1024;

const twinId = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9._@-]*$/, 'twin_id may hold letters, digits, ".", "_", "@", "-"');

export const executeToolRequest = z.object({
  tool_name: z
    .string()
    .min(1, 'tool_name is required')
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/, 'tool_name must be a plain name (no "/", no leading "." or "-")')
    .refine((n) => !n.includes('..'), 'tool_name must not contain ".."'),
  args: z
    .array(
      z
        .string()
        .refine((a) => Buffer.byteLength(a) <= MAX_ARG_BYTES, `each argument is at most ${MAX_ARG_BYTES} bytes`)
        .refine((a) => !a.includes('\0'), 'arguments must not contain NUL bytes'),
    )
    .max(MAX_ARGS),
  twin_id: twinId,
  timeout_ms: z.number().int().min(0).max(600_000),
  stdin: z.string().refine((s) => Buffer.byteLength(s) <= MAX_STDIN_BYTES, `stdin is at most ${MAX_STDIN_BYTES} bytes`),
});

export const listToolsRequest = z.object({ twin_id: twinId });
