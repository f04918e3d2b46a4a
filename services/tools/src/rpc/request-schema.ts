import { ToolArgs, ToolName, TWIN_ID_PATTERN } from '@pagi/contracts';
import { z } from 'zod';

/** Bounds of an ExecuteTool request beyond the shared rules, checked before the policy sees it. */
export const MAX_STDIN_BYTES = 1024 * 1024;

// proto3 strings arrive as "" when unset: an empty twin id means "no twin" (the default allowlist).
const twinId = z.string().refine((t) => t === '' || TWIN_ID_PATTERN.test(t), {
  message: 'twin_id: letters, digits and _ . @ - only (at most 128)',
});

/** A caller's run id (empty: none). */
const runId = z.string().regex(/^[A-Za-z0-9_.:-]{0,128}$/, 'run_id: letters, digits and _ . : - only (at most 128)');

export const executeToolRequest = z.object({
  tool_name: z.string().min(1, 'tool_name is required').pipe(ToolName),
  args: ToolArgs,
  twin_id: twinId,
  timeout_ms: z.number().int().min(0).max(600_000),
  stdin: z.string().refine((s) => Buffer.byteLength(s) <= MAX_STDIN_BYTES, `stdin is at most ${MAX_STDIN_BYTES} bytes`),
  run_id: runId,
});

export const getRunRequest = z.object({ run_id: runId.refine((r) => r !== '', 'run_id is required') });
export const stopRunRequest = getRunRequest;

export const listToolsRequest = z.object({ twin_id: twinId });

export const checkToolRequest = executeToolRequest.pick({ tool_name: true, args: true, twin_id: true });
