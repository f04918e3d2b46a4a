import type * as grpc from '@grpc/grpc-js';
import { isServiceError } from './errors.ts';

const UNAVAILABLE = 14;

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
    if (isServiceError(err) && err.code === UNAVAILABLE && this.client) {
      this.client.close();
      this.client = null;
    }
  }

  close(): void {
    this.client?.close();
    this.client = null;
  }
}
