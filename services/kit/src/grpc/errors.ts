import * as grpc from '@grpc/grpc-js';
import { ZodError } from 'zod';

/** An error carrying the gRPC status it should be answered with. */
export class GrpcError extends Error {
  readonly code: grpc.status;
  constructor(code: grpc.status, message: string) {
    super(message);
    this.name = 'GrpcError';
    this.code = code;
  }
}

export const invalidArgument = (msg: string) => new GrpcError(grpc.status.INVALID_ARGUMENT, msg);
export const notFound = (msg: string) => new GrpcError(grpc.status.NOT_FOUND, msg);
export const permissionDenied = (msg: string) => new GrpcError(grpc.status.PERMISSION_DENIED, msg);
export const failedPrecondition = (msg: string) => new GrpcError(grpc.status.FAILED_PRECONDITION, msg);
export const unavailable = (msg: string) => new GrpcError(grpc.status.UNAVAILABLE, msg);
export const resourceExhausted = (msg: string) => new GrpcError(grpc.status.RESOURCE_EXHAUSTED, msg);
export const deadlineExceeded = (msg: string) => new GrpcError(grpc.status.DEADLINE_EXCEEDED, msg);

/** Formats zod issues as `field: problem; field: problem`. */
export function describeZodError(err: ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`).join('; ');
}

/** Maps anything thrown by a handler to a gRPC status; unknown errors become INTERNAL without leaking internals. */
export function toServiceError(err: unknown): Partial<grpc.StatusObject> & { code: grpc.status; details: string } {
  if (err instanceof GrpcError) return { code: err.code, details: err.message };
  if (err instanceof ZodError) return { code: grpc.status.INVALID_ARGUMENT, details: describeZodError(err) };
  if (isServiceError(err)) return { code: err.code, details: err.details };
  return { code: grpc.status.INTERNAL, details: 'internal error' };
}

export function isServiceError(err: unknown): err is grpc.ServiceError {
  return typeof err === 'object' && err !== null && 'code' in err && 'details' in err && 'metadata' in err;
}
