import * as grpc from '@grpc/grpc-js';
import { CodedError, describeIssues, type ErrorCode, grpcStatusOf, isErrorCode } from '@pagi/contracts';
import { ZodError } from 'zod';

// The gRPC transport's half of the error table: a CodedError leaves a server as its gRPC status, with the code
// itself in the trailers so the caller can rebuild the same CodedError; a failed call becomes a CodedError again.

/** Trailer carrying the platform error code next to the gRPC status. */
export const ERROR_CODE_TRAILER = 'pagi-error-code';

export function isServiceError(err: unknown): err is grpc.ServiceError {
  return typeof err === 'object' && err !== null && 'code' in err && 'details' in err && 'metadata' in err;
}

/** Maps anything a handler threw to a gRPC status; unknown errors become INTERNAL without leaking internals. */
export function toServiceError(err: unknown): Partial<grpc.StatusObject> & { code: grpc.status; details: string } {
  const coded =
    err instanceof CodedError
      ? err
      : err instanceof ZodError
        ? new CodedError('invalid_request', describeIssues(err))
        : undefined;
  if (coded) {
    const metadata = new grpc.Metadata();
    metadata.set(ERROR_CODE_TRAILER, coded.code);
    return { code: grpcStatusOf(coded.code), details: coded.message, metadata };
  }
  return { code: grpc.status.INTERNAL, details: 'internal error' };
}

const UNAVAILABLE = new Set([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED, grpc.status.CANCELLED]);

/** The code a status means when the server did not say (another implementation, or a transport failure). */
const CODE_OF_STATUS: Partial<Record<grpc.status, ErrorCode>> = {
  [grpc.status.INVALID_ARGUMENT]: 'invalid_request',
  [grpc.status.NOT_FOUND]: 'not_found',
  [grpc.status.PERMISSION_DENIED]: 'forbidden',
  [grpc.status.UNAUTHENTICATED]: 'unauthenticated',
  [grpc.status.FAILED_PRECONDITION]: 'failed_precondition',
  [grpc.status.RESOURCE_EXHAUSTED]: 'resource_exhausted',
  [grpc.status.OUT_OF_RANGE]: 'invalid_request',
};

const dependencyCode = (service: string): ErrorCode =>
  isErrorCode(`${service}_unavailable`) ? (`${service}_unavailable` as ErrorCode) : 'unavailable';

/**
 * A failed call to `service` as a CodedError with a message fit to show a person: unreachable or too slow →
 * `<service>_unavailable`; refused → the server's own code ("The tools service refused the request: …").
 */
export function fromServiceError(service: string, err: unknown): CodedError {
  if (err instanceof CodedError) return err;
  if (!isServiceError(err)) {
    return new CodedError('dependency_failed', `The ${service} service failed: ${(err as Error)?.message ?? err}`, {
      service,
      cause: err,
    });
  }
  if (UNAVAILABLE.has(err.code)) {
    const why = err.code === grpc.status.DEADLINE_EXCEEDED ? 'did not answer in time' : 'is unreachable';
    return new CodedError(
      dependencyCode(service),
      `The ${service} service ${why} right now; please try again in a moment.`,
      {
        service,
        cause: err,
      },
    );
  }
  const sent = err.metadata?.get(ERROR_CODE_TRAILER)[0];
  const code = isErrorCode(sent) ? sent : CODE_OF_STATUS[err.code];
  if (code && code !== 'internal') {
    return new CodedError(code, `The ${service} service refused the request: ${err.details}`, { service, cause: err });
  }
  return new CodedError('dependency_failed', `The ${service} service failed: ${err.details}`, { service, cause: err });
}

/** True when the error says the dependency is down or slow (worth retrying later), not that it refused. */
export const isUnavailable = (err: CodedError): boolean =>
  err.code === 'unavailable' || err.code.endsWith('_unavailable') || err.code === 'deadline_exceeded';
