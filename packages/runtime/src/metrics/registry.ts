import client from 'prom-client';
import { startTracing } from '../tracing/otel.ts';

/** The process-wide Prometheus registry: default process metrics labelled with the service name. */
export const metrics = client.register;
let started = false;

/** Per-process observability set-up: default metrics labelled with the service, and tracing when configured. */
export function initMetrics(service: string): void {
  if (started) return;
  started = true;
  startTracing(service).catch((err) => process.stderr.write(`tracing disabled: ${(err as Error).message}\n`));
  metrics.setDefaultLabels({ service });
  client.collectDefaultMetrics({ register: metrics });
}

/** Returns the existing metric of that name, or registers a new one (tests start several servers per process). */
export function histogram(name: string, help: string, labelNames: string[], buckets?: number[]): client.Histogram {
  return (
    (metrics.getSingleMetric(name) as client.Histogram | undefined) ??
    new client.Histogram({ name, help, labelNames, buckets })
  );
}

export function counter(name: string, help: string, labelNames: string[] = []): client.Counter {
  return (
    (metrics.getSingleMetric(name) as client.Counter | undefined) ?? new client.Counter({ name, help, labelNames })
  );
}

export function gauge(name: string, help: string, labelNames: string[] = []): client.Gauge {
  return (metrics.getSingleMetric(name) as client.Gauge | undefined) ?? new client.Gauge({ name, help, labelNames });
}

/** Latency buckets in seconds, from sub-millisecond RPCs to multi-second tool runs. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
