import { z } from 'zod';

// One rule per kind of identifier, used by every service and the browser, so a value that passes one edge passes
// them all (a namespace the chat accepts is one the memory service stores).

/** Sessions and browser user ids: letters, digits and `_ . : -`, starting with a letter or digit. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const SessionId = z.string().regex(SESSION_ID_PATTERN, 'letters, digits and _ . : - only (at most 128)');
export const UserId = SessionId;

/** A twin: letters, digits and `_ . @ -` (it names tool policies, so no `:` or `/`). */
export const TWIN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$/;
export const TwinId = z.string().regex(TWIN_ID_PATTERN, 'letters, digits and _ . @ - only (at most 128)');

/**
 * A memory namespace: letters, digits, `_` and `-`. The memory service names collections `<namespace>.<domain>`,
 * so a dot cannot appear in a namespace.
 */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const Namespace = z.string().regex(NAMESPACE_PATTERN, 'letters, digits, _ and - only (at most 64)');

/** A tool's name: a plain file name (no `/`, no leading `.` or `-`, no `..`). */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;
export const ToolName = z
  .string()
  .regex(TOOL_NAME_PATTERN, 'a plain name of letters, digits and . _ + - (no "/", no leading "." or "-")')
  .refine((n) => !n.includes('..'), 'must not contain ".."');

/** A tool compiled by the build service: lower case, starting with a letter (it names a folder of tools_repo/). */
export const COMPILED_TOOL_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
export const CompiledToolName = z
  .string()
  .regex(COMPILED_TOOL_NAME_PATTERN, '1-64 of a-z, 0-9, "_" or "-", starting with a letter');

/** Bounds of a tool run's argv, checked before anything runs (and before a person is asked to approve it). */
export const MAX_TOOL_ARGS = 256;
export const MAX_TOOL_ARG_BYTES = 8192;
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
export const ToolArg = z
  .string()
  .refine((a) => utf8Bytes(a) <= MAX_TOOL_ARG_BYTES, `each argument is at most ${MAX_TOOL_ARG_BYTES} bytes`)
  .refine((a) => !a.includes('\0'), 'arguments must not contain NUL bytes');
export const ToolArgs = z.array(ToolArg).max(MAX_TOOL_ARGS, `at most ${MAX_TOOL_ARGS} arguments`);

/** A signaling room (WebRTC): the same rule as a session. */
export const RoomId = SessionId;
