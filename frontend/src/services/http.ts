import type { z } from 'zod';
import { gatewayPath } from '../config.ts';
import { csrfHeaders, sessionEnded } from './authSession.ts';

/** A failed call, with the shared error shape's code when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const DEFAULT_TIMEOUT_MS = 15_000;

interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** An open route (sign-in, setup, /me): its 401 does not end the session. */
  open?: boolean;
}

function withTimeout(opts: RequestOptions): AbortSignal {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = `${res.status} ${res.statusText}`.trim();
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body?.error?.code) code = body.error.code;
    if (body?.error?.message) message = body.error.message;
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(res.status, code, message);
}

async function parse<S extends z.ZodType>(res: Response, schema: S): Promise<z.infer<S>> {
  if (!res.ok) throw await errorFrom(res);
  const body: unknown = await res.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(res.status, 'bad_response', `unexpected response: ${parsed.error.message}`);
  return parsed.data;
}

function describe(err: unknown): never {
  if (err instanceof ApiError) throw err;
  const e = err as Error;
  if (e?.name === 'TimeoutError') throw new ApiError(0, 'timeout', 'the gateway did not answer in time');
  if (e?.name === 'AbortError') throw e;
  throw new ApiError(0, 'unreachable', 'cannot reach the gateway');
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function call<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  opts: RequestOptions,
  body?: { json: unknown } | { form: FormData },
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, csrfHeaders());
  if (body && 'json' in body) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(gatewayPath(path), {
      method,
      headers,
      body: body ? ('json' in body ? JSON.stringify(body.json ?? {}) : body.form) : undefined,
      signal: withTimeout(opts),
    });
    // On an open route (sign-in) a 401 is the answer itself; anywhere else it means the session is gone.
    if (res.status === 401 && !opts.open) sessionEnded();
    return await parse(res, schema);
  } catch (err) {
    return describe(err);
  }
}

export const getJson = <S extends z.ZodType>(path: string, schema: S, opts: RequestOptions = {}) =>
  call('GET', path, schema, opts);

export const postJson = <S extends z.ZodType>(path: string, body: unknown, schema: S, opts: RequestOptions = {}) =>
  call('POST', path, schema, opts, { json: body });

export const patchJson = <S extends z.ZodType>(path: string, body: unknown, schema: S, opts: RequestOptions = {}) =>
  call('PATCH', path, schema, opts, { json: body });

export const deleteJson = <S extends z.ZodType>(path: string, schema: S, opts: RequestOptions = {}) =>
  call('DELETE', path, schema, opts);

export const postForm = <S extends z.ZodType>(path: string, form: FormData, schema: S, opts: RequestOptions = {}) =>
  call('POST', path, schema, opts, { form });

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
