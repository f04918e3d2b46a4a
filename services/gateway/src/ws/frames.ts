import type { ErrorCode } from '@pagi/contracts';
import type { WebSocket } from 'ws';
import type { z } from 'zod';

/** Sends one JSON frame if the socket is still open; returns whether it was sent. */
export function sendFrame(socket: WebSocket, frame: unknown): boolean {
  if (socket.readyState !== socket.OPEN) return false;
  socket.send(JSON.stringify(frame));
  return true;
}

export type FrameResult<T> = { ok: true; frame: T } | { ok: false; code: ErrorCode; message: string };

/** Decodes and validates one text frame: bad JSON and unknown or malformed frames come back as an error. */
export function decodeFrame<S extends z.ZodType>(
  schema: S,
  data: Buffer | ArrayBuffer | Buffer[],
  isBinary: boolean,
): FrameResult<z.infer<S>> {
  if (isBinary)
    return { ok: false, code: 'unsupported_frame', message: 'binary frames are not accepted; send JSON text' };
  const text = Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.from(data as ArrayBuffer).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'bad_json', message: 'frame is not valid JSON' };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const issues = parsed.error.issues;
  const unknownType = issues.some((i) => i.code === 'invalid_union' && i.path.join('.') === 'type');
  const described = issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { ok: false, code: unknownType ? 'unknown_frame' : 'invalid_frame', message: described };
}
