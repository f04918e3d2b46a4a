import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath } from 'grpc-health-check';
import { grpcTarget } from './client.ts';

interface HealthClient extends grpc.Client {
  Check(
    req: { service: string },
    md: grpc.Metadata,
    opts: grpc.CallOptions,
    cb: grpc.requestCallback<{ status: string }>,
  ): grpc.ClientUnaryCall;
}

let HealthCtor: (new (addr: string, creds: grpc.ChannelCredentials) => HealthClient) | undefined;

/** A client of `grpc.health.v1.Health`, used by the dev harness, the gateway and the tests. */
export function loadHealthClient(address: string) {
  if (!HealthCtor) {
    const def = protoLoader.loadSync(protoPath, { keepCase: true, enums: String, defaults: true });
    const pkg = grpc.loadPackageDefinition(def) as unknown as {
      grpc: { health: { v1: { Health: typeof HealthCtor } } };
    };
    HealthCtor = pkg.grpc.health.v1.Health;
  }
  const client = new HealthCtor!(grpcTarget(address), grpc.credentials.createInsecure());
  return {
    check: (service: string, deadlineMs: number) =>
      new Promise<string>((resolve, reject) => {
        client.Check({ service }, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (err, res) => {
          client.close();
          if (err) reject(err);
          else resolve(res?.status ?? 'UNKNOWN');
        });
      }),
  };
}
