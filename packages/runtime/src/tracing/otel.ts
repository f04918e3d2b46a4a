import type { NodeSDK } from '@opentelemetry/sdk-node';

let sdk: NodeSDK | null = null;
let starting: Promise<void> | null = null;

/**
 * Starts OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans go over OTLP/HTTP to `<endpoint>/v1/traces`,
 * context propagates with W3C trace context. Unset: nothing is loaded and shutdown costs nothing.
 */
export function startTracing(service: string, endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT): Promise<void> {
  if (!endpoint) return Promise.resolve();
  starting ??= (async () => {
    const [{ NodeSDK: SDK }, { OTLPTraceExporter }, resources, { BatchSpanProcessor }] = await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
    ]);
    const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces`, timeoutMillis: 2000 });
    sdk = new SDK({
      resource: resources.resourceFromAttributes({ 'service.name': service }),
      spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 500 })],
      instrumentations: [],
    });
    sdk.start();
  })();
  return starting;
}

/** Flushes pending spans (bounded to 2 s) and stops the SDK; a no-op when tracing never started. */
export async function stopTracing(): Promise<void> {
  if (!starting) return;
  await starting.catch(() => {});
  if (!sdk) return;
  const current = sdk;
  sdk = null;
  await Promise.race([current.shutdown().catch(() => {}), new Promise((r) => setTimeout(r, 2000).unref())]);
}
