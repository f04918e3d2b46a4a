import { z } from 'zod';

/**
 * gRPC status codes (the numbers every gRPC implementation uses), so the table below can name them without
 * depending on a gRPC library.
 */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcStatusName = keyof typeof GrpcStatus;

/**
 * Every error code the platform answers with, and how each transport says it: the HTTP status of the shared
 * `{error: {code, message}}` body, and the gRPC status. Domain code throws `CodedError(code, …)`; only the
 * transports (fastify, gRPC, WebSocket) turn a code into a status, each in one place.
 */
export const ERROR_CODES = {
  // The request itself is wrong.
  invalid_request: { http: 400, grpc: 'INVALID_ARGUMENT' },
  bad_request: { http: 400, grpc: 'INVALID_ARGUMENT' },
  message_too_large: { http: 400, grpc: 'INVALID_ARGUMENT' },
  empty_file: { http: 400, grpc: 'INVALID_ARGUMENT' },
  payload_too_large: { http: 413, grpc: 'RESOURCE_EXHAUSTED' },
  unsupported_media_type: { http: 415, grpc: 'INVALID_ARGUMENT' },
  range_not_satisfiable: { http: 416, grpc: 'OUT_OF_RANGE' },
  uri_too_long: { http: 414, grpc: 'INVALID_ARGUMENT' },
  // WebSocket frames that cannot be taken (the socket stays open).
  bad_json: { http: 400, grpc: 'INVALID_ARGUMENT' },
  invalid_frame: { http: 400, grpc: 'INVALID_ARGUMENT' },
  unknown_frame: { http: 400, grpc: 'INVALID_ARGUMENT' },
  unsupported_frame: { http: 400, grpc: 'INVALID_ARGUMENT' },
  unknown_peer: { http: 400, grpc: 'INVALID_ARGUMENT' },
  // Who may do what.
  unauthenticated: { http: 401, grpc: 'UNAUTHENTICATED' },
  forbidden: { http: 403, grpc: 'PERMISSION_DENIED' },
  forbidden_origin: { http: 403, grpc: 'PERMISSION_DENIED' },
  csrf_failed: { http: 403, grpc: 'PERMISSION_DENIED' },
  path_not_allowed: { http: 403, grpc: 'PERMISSION_DENIED' },
  not_found: { http: 404, grpc: 'NOT_FOUND' },
  // The request is fine but the state does not allow it.
  already_decided: { http: 409, grpc: 'FAILED_PRECONDITION' },
  expired: { http: 409, grpc: 'FAILED_PRECONDITION' },
  integrity: { http: 409, grpc: 'FAILED_PRECONDITION' },
  not_retryable: { http: 409, grpc: 'FAILED_PRECONDITION' },
  not_cancellable: { http: 409, grpc: 'FAILED_PRECONDITION' },
  failed_precondition: { http: 409, grpc: 'FAILED_PRECONDITION' },
  already_exists: { http: 409, grpc: 'ALREADY_EXISTS' },
  // Too much at once.
  rate_limited: { http: 429, grpc: 'RESOURCE_EXHAUSTED' },
  busy: { http: 429, grpc: 'RESOURCE_EXHAUSTED' },
  too_many_sessions: { http: 429, grpc: 'RESOURCE_EXHAUSTED' },
  room_full: { http: 429, grpc: 'RESOURCE_EXHAUSTED' },
  resource_exhausted: { http: 429, grpc: 'RESOURCE_EXHAUSTED' },
  // The person stopped it (499: the client closed the request, as nginx calls it).
  cancelled: { http: 499, grpc: 'CANCELLED' },
  // Something on our side or further down.
  internal: { http: 500, grpc: 'INTERNAL' },
  unavailable: { http: 503, grpc: 'UNAVAILABLE' },
  memory_unavailable: { http: 503, grpc: 'UNAVAILABLE' },
  tools_unavailable: { http: 503, grpc: 'UNAVAILABLE' },
  build_unavailable: { http: 503, grpc: 'UNAVAILABLE' },
  dependency_failed: { http: 502, grpc: 'UNKNOWN' },
  deadline_exceeded: { http: 504, grpc: 'DEADLINE_EXCEEDED' },
  // The gateway's view of the services behind it.
  upstream_error: { http: 502, grpc: 'UNKNOWN' },
  upstream_unavailable: { http: 502, grpc: 'UNAVAILABLE' },
  upstream_incomplete: { http: 502, grpc: 'UNAVAILABLE' },
  upstream_timeout: { http: 504, grpc: 'DEADLINE_EXCEEDED' },
} as const satisfies Record<string, { http: number; grpc: GrpcStatusName }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);

export const httpStatusOf = (code: ErrorCode): number => ERROR_CODES[code].http;
export const grpcStatusOf = (code: ErrorCode): number => GrpcStatus[ERROR_CODES[code].grpc];

/**
 * The one error type of the platform: a code from the table and a message fit to show a person. `service` names
 * the dependency an error came from, when it came from one.
 */
export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly service: string | undefined;

  constructor(code: ErrorCode, message: string, opts: { service?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'CodedError';
    this.code = code;
    this.service = opts.service;
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }
}

/** The shared error body of every HTTP answer that is not a success. */
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const errorBody = (code: string, message: string): ErrorBody => ({ error: { code, message } });

/** Formats zod issues as `field: problem; field: problem`. */
export function describeIssues(err: z.ZodError, max = 10): string {
  return err.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`)
    .join('; ');
}

/** Validates a value with a zod schema; a mismatch is an `invalid_request` naming the fields. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new CodedError('invalid_request', describeIssues(result.error));
  return result.data;
}
