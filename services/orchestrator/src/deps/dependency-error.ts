import * as grpc from '@grpc/grpc-js';
import { isServiceError } from '@pagi/kit';

/** A call to the memory or tools service that failed, with a message fit to show the person. */
export class DependencyError extends Error {
  readonly service: string;
  /** unavailable: down or too slow (retrying later can work); refused: the service rejected the request. */
  readonly kind: 'unavailable' | 'refused' | 'failed';
  readonly grpcCode: grpc.status | undefined;

  constructor(service: string, kind: DependencyError['kind'], message: string, grpcCode?: grpc.status) {
    super(message);
    this.name = 'DependencyError';
    this.service = service;
    this.kind = kind;
    this.grpcCode = grpcCode;
  }
}

const UNAVAILABLE = new Set([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED, grpc.status.CANCELLED]);
const REFUSED = new Set([
  grpc.status.INVALID_ARGUMENT,
  grpc.status.NOT_FOUND,
  grpc.status.PERMISSION_DENIED,
  grpc.status.FAILED_PRECONDITION,
  grpc.status.RESOURCE_EXHAUSTED,
  grpc.status.OUT_OF_RANGE,
]);

export function toDependencyError(service: string, err: unknown): DependencyError {
  if (err instanceof DependencyError) return err;
  if (isServiceError(err)) {
    if (UNAVAILABLE.has(err.code)) {
      const why = err.code === grpc.status.DEADLINE_EXCEEDED ? 'did not answer in time' : 'is unreachable';
      return new DependencyError(
        service,
        'unavailable',
        `The ${service} service ${why} right now; please try again in a moment.`,
        err.code,
      );
    }
    if (REFUSED.has(err.code)) {
      return new DependencyError(
        service,
        'refused',
        `The ${service} service refused the request: ${err.details}`,
        err.code,
      );
    }
    return new DependencyError(service, 'failed', `The ${service} service failed: ${err.details}`, err.code);
  }
  return new DependencyError(service, 'failed', `The ${service} service failed: ${(err as Error)?.message ?? err}`);
}

/**
 * Holds a gRPC client and replaces it after an UNAVAILABLE error, so a dependency that comes back is reached on the
 * next call instead of after the channel's (up to minutes long) reconnect backoff.
 */
export class ClientHolder<C extends grpc.Client> {
  private client: C | null = null;
  private readonly make: () => C;

  constructor(make: () => C) {
    this.make = make;
  }

  get(): C {
    this.client ??= this.make();
    return this.client;
  }

  reset(err: unknown): void {
    if (isServiceError(err) && err.code === grpc.status.UNAVAILABLE && this.client) {
      this.client.close();
      this.client = null;
    }
  }

  close(): void {
    this.client?.close();
    this.client = null;
  }
}
