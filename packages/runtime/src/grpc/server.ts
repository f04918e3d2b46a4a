import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { CodedError } from '@pagi/contracts';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import { carriesToken } from '../auth/service-token.ts';
import type { Logger } from '../log/logger.ts';
import { histogram, LATENCY_BUCKETS } from '../metrics/registry.ts';
import { contextFromMetadata, endSpan, SpanKind, startSpan, withContext } from '../tracing/spans.ts';
import { toServiceError } from './errors.ts';
import { LOADER_OPTIONS, type ProtoName, packageDefinition } from './proto.ts';

/** Promise-style handlers derived from the generated `XxxHandlers` interface (unary methods only). */
export type AsyncHandlers<H> = {
  [K in keyof H as string extends K ? never : K]: H[K] extends grpc.handleUnaryCall<infer Req, infer Res>
    ? (request: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res> | Res
    : H[K] extends grpc.handleServerStreamingCall<infer Req, infer Res>
      ? // Writes to `call` and ends it; a throw (before or after writing) ends the stream with the mapped status.
        (request: Req, call: grpc.ServerWritableStream<Req, Res>) => Promise<void> | void
      : never;
};

export interface ServiceBinding {
  /** Fully qualified name, e.g. `memory.MemoryService` (used by the health service). */
  name: string;
  definition: grpc.ServiceDefinition;
  handlers: Record<string, (request: never, call: never) => unknown>;
}

/** Pairs a generated service definition with promise-style handlers, checked against the generated types. */
export function bindService<H>(
  name: string,
  definition: grpc.ServiceDefinition,
  handlers: AsyncHandlers<H>,
): ServiceBinding {
  return { name, definition, handlers: handlers as ServiceBinding['handlers'] };
}

export interface GrpcServerOptions {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  /** Proto files whose services are served; reflection describes them (plus health). */
  protos: ProtoName[];
  services: ServiceBinding[];
  /**
   * The shared service token every call of `services` must carry (`authorization: Bearer <token>` metadata), so a
   * process that is not one of ours cannot call them. Health and reflection stay open for probes and grpcurl.
   */
  token: string;
}

export interface RunningGrpcServer {
  server: grpc.Server;
  port: number;
  health: HealthImplementation;
  /** Stops accepting calls, lets in-flight calls finish (up to graceMs), then forces the rest closed. */
  close(graceMs?: number): Promise<void>;
}

const rpcSeconds = () =>
  histogram('grpc_server_handling_seconds', 'gRPC handling latency', ['method', 'code'], LATENCY_BUCKETS);

function wrapUnary(
  method: string,
  handler: (request: unknown, call: grpc.ServerUnaryCall<unknown, unknown>) => unknown,
  logger: Logger,
  token: string,
): grpc.handleUnaryCall<unknown, unknown> {
  const latency = rpcSeconds();
  return (call, callback) => {
    const end = latency.startTimer({ method });
    const parent = contextFromMetadata(call.metadata);
    const span = startSpan(method, SpanKind.SERVER, parent, { 'rpc.system': 'grpc', 'rpc.method': method });
    const authorized = () => {
      if (!carriesToken(call.metadata.get('authorization')[0], token)) {
        throw new CodedError('unauthenticated', 'this call needs the service token (authorization: Bearer <token>)');
      }
    };
    withContext(parent, span, () =>
      Promise.resolve().then(() => {
        authorized();
        return handler(call.request, call);
      }),
    ).then(
      (response) => {
        end({ code: 'OK' });
        endSpan(span);
        callback(null, response);
      },
      (err: unknown) => {
        const mapped = toServiceError(err);
        end({ code: grpc.status[mapped.code] ?? String(mapped.code) });
        span.setAttribute('rpc.grpc.status_code', mapped.code);
        endSpan(span, true, mapped.details);
        if (mapped.code === grpc.status.INTERNAL) logger.error({ err, method }, 'rpc failed');
        else logger.debug({ method, code: grpc.status[mapped.code], details: mapped.details }, 'rpc refused');
        callback(mapped, null);
      },
    );
  };
}

/** A server-streaming call: the token is checked first; a failure ends the stream with its mapped status. */
function wrapServerStream(
  method: string,
  handler: (request: unknown, call: grpc.ServerWritableStream<unknown, unknown>) => unknown,
  logger: Logger,
  token: string,
): grpc.handleServerStreamingCall<unknown, unknown> {
  return (call) => {
    Promise.resolve()
      .then(() => {
        if (!carriesToken(call.metadata.get('authorization')[0], token)) {
          throw new CodedError('unauthenticated', 'this call needs the service token (authorization: Bearer <token>)');
        }
        return handler(call.request, call);
      })
      .catch((err: unknown) => {
        const mapped = toServiceError(err);
        if (mapped.code === grpc.status.INTERNAL) logger.error({ err, method }, 'streaming rpc failed');
        call.emit('error', mapped);
      });
  };
}

function reflectionDefinition(protos: ProtoName[]): PackageDefinition {
  const health = protoLoader.loadSync(healthProtoPath, LOADER_OPTIONS);
  return Object.assign({}, health, ...protos.map((p) => packageDefinition(p)));
}

/**
 * Starts a gRPC server with the house conventions: standard `grpc.health.v1.Health`, server reflection (so
 * `grpcurl -plaintext host:port list` works without proto files), error-to-status mapping and latency metrics.
 */
export async function startGrpcServer(opts: GrpcServerOptions): Promise<RunningGrpcServer> {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
  const statuses: Record<string, 'SERVING'> = { '': 'SERVING' };
  for (const svc of opts.services) {
    statuses[svc.name] = 'SERVING';
    const impl: grpc.UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(svc.handlers)) {
      const name = `${svc.name}/${method}`;
      impl[method] = svc.definition[method]?.responseStream
        ? wrapServerStream(name, handler as never, opts.logger, opts.token)
        : wrapUnary(name, handler as never, opts.logger, opts.token);
    }
    server.addService(svc.definition, impl);
  }
  const health = new HealthImplementation(statuses);
  health.addToServer(server);
  // Reflection lists exactly what this server serves: a proto file may hold more (the orchestrator's public and
  // admin services live in one file but on different ports).
  new ReflectionService(reflectionDefinition(opts.protos), {
    services: ['grpc.health.v1.Health', ...opts.services.map((svc) => svc.name)],
  }).addToServer(server);

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${opts.host}:${opts.port}`, grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err
        ? reject(new Error(`${opts.name}: cannot listen on ${opts.host}:${opts.port}: ${err.message}`))
        : resolve(bound),
    );
  });
  opts.logger.info({ port }, `${opts.name} gRPC listening`);

  return {
    server,
    port,
    health,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        for (const name of Object.keys(statuses)) health.setStatus(name, 'NOT_SERVING');
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        timer.unref();
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
