import * as grpc from '@grpc/grpc-js';
import { injectMetadata, inSpan, SpanKind } from '../tracing/spans.ts';

/** Retries UNAVAILABLE (a dependency restarting) with backoff, inside the caller's deadline. */
const SERVICE_CONFIG = JSON.stringify({
  methodConfig: [
    {
      name: [{}],
      retryPolicy: {
        maxAttempts: 4,
        initialBackoff: '0.05s',
        maxBackoff: '1s',
        backoffMultiplier: 2,
        retryableStatusCodes: ['UNAVAILABLE'],
      },
    },
  ],
});

/** `http://127.0.0.1:50052` or `127.0.0.1:50052` → `127.0.0.1:50052`. */
export function grpcTarget(address: string): string {
  return address.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}

type ClientCtor<C> = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => C;

/** Adds the service token to every call's metadata (call credentials are refused on a plaintext channel). */
function tokenInterceptor(token: string): grpc.Interceptor {
  const value = `Bearer ${token}`;
  return (options, next) =>
    new grpc.InterceptingCall(next(options), {
      start(metadata, listener, start) {
        metadata.set('authorization', value);
        start(metadata, listener);
      },
    });
}

/** A client of one of our services; `token` is the shared service token their servers require. */
export function createClient<C extends grpc.Client>(Ctor: ClientCtor<C>, address: string, token: string): C {
  return new Ctor(grpcTarget(address), grpc.credentials.createInsecure(), {
    interceptors: [tokenInterceptor(token)],
    'grpc.service_config': SERVICE_CONFIG,
    'grpc.enable_retries': 1,
    'grpc.keepalive_time_ms': 30_000,
    'grpc.max_receive_message_length': 64 * 1024 * 1024,
  });
}

type UnaryFn<Req, Res> = (argument: Req, callback: grpc.requestCallback<Res>) => grpc.ClientUnaryCall;

/** Request type of a generated client's unary method (taken from its last overload). */
export type RequestOf<C, K extends keyof C> = C[K] extends UnaryFn<infer Req, unknown> ? Req : never;
/** Response type of a generated client's unary method. */
export type ResponseOf<C, K extends keyof C> = C[K] extends UnaryFn<never, infer Res> ? Res : never;

export interface CallOptions {
  /** Deadline for the whole call, retries included (default 5 s). */
  deadlineMs?: number;
  metadata?: grpc.Metadata;
}

/** Calls a unary method with a deadline and returns a promise. */
export function unary<C extends grpc.Client, K extends keyof C & string>(
  client: C,
  method: K,
  request: RequestOf<C, K>,
  opts: CallOptions = {},
): Promise<ResponseOf<C, K>> {
  const fn = client[method] as unknown as (
    req: unknown,
    md: grpc.Metadata,
    options: grpc.CallOptions,
    cb: grpc.requestCallback<ResponseOf<C, K>>,
  ) => grpc.ClientUnaryCall;
  return inSpan(`grpc.client/${method}`, { kind: SpanKind.CLIENT, attributes: { 'rpc.method': method } }, () => {
    const md = injectMetadata(opts.metadata ?? new grpc.Metadata());
    return new Promise<ResponseOf<C, K>>((resolve, reject) => {
      fn.call(client, request, md, { deadline: Date.now() + (opts.deadlineMs ?? 5000) }, (err, res) =>
        err ? reject(err) : resolve(res as ResponseOf<C, K>),
      );
    });
  });
}

/** Asks a server's standard health service; resolves to SERVING, NOT_SERVING, … or rejects if unreachable. */
export async function checkGrpcHealth(address: string, service = '', deadlineMs = 2000): Promise<string> {
  const { loadHealthClient } = await import('./health-client.ts');
  return loadHealthClient(address).check(service, deadlineMs);
}
