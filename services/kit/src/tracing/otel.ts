import type { NodeSDK } from '@opentelemetry/sdk-node';

export interface Tracing {
  enabled: boolean;
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (OTLP over HTTP); otherwise does nothing
 * and costs nothing at shutdown. Call it before the service imports the modules to be instrumented.
 */
export async function startTracing(
  service: string,
  endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
): Promise<Tracing> {
  if (!endpoint) return { enabled: false, shutdown: async () => {} };
  const [{ NodeSDK: SDK }, { OTLPTraceExporter }, { HttpInstrumentation }, { GrpcInstrumentation }, resources] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-grpc'),
      import('@opentelemetry/resources'),
    ]);
  const sdk: NodeSDK = new SDK({
    resource: resources.resourceFromAttributes({ 'service.name': service }),
    traceExporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
    instrumentations: [new HttpInstrumentation(), new GrpcInstrumentation()],
  });
  sdk.start();
  return {
    enabled: true,
    shutdown: async () => {
      await Promise.race([sdk.shutdown(), new Promise((r) => setTimeout(r, 2000).unref())]);
    },
  };
}
