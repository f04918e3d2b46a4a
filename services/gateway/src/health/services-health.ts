import type { ServicesHealthResponse } from '@pagi/contracts';
import { checkGrpcHealth } from '@pagi/runtime';

type ServiceHealth = ServicesHealthResponse['services'][number];

export interface HealthTargets {
  http: { name: string; url: string }[];
  grpc: { name: string; address: string }[];
  timeoutMs: number;
}

async function timed(name: string, check: () => Promise<{ ok: boolean; detail?: string }>): Promise<ServiceHealth> {
  const started = performance.now();
  try {
    const { ok, detail } = await check();
    const latency_ms = Math.round((performance.now() - started) * 100) / 100;
    return { name, status: ok ? 'ok' : 'degraded', latency_ms, ...(detail ? { detail } : {}) };
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; details?: string; message?: string };
    const detail = e.name === 'TimeoutError' ? 'no answer in time' : (e.cause?.code ?? e.details ?? e.message);
    return { name, status: 'down', latency_ms: null, detail: detail ?? 'unreachable' };
  }
}

/**
 * Every service's health, checked in parallel with a deadline: HTTP services by `GET /health`, gRPC services by
 * the standard `grpc.health.v1.Health/Check`. A service that answers but is not serving is "degraded".
 */
export async function checkServices(targets: HealthTargets): Promise<ServicesHealthResponse> {
  const gateway: ServiceHealth = { name: 'gateway', status: 'ok', latency_ms: 0 };
  const http = targets.http.map(({ name, url }) =>
    timed(name, async () => {
      const res = await fetch(`${url.replace(/\/+$/, '')}/health`, { signal: AbortSignal.timeout(targets.timeoutMs) });
      await res.body?.cancel();
      return { ok: res.ok, detail: res.ok ? undefined : `HTTP ${res.status}` };
    }),
  );
  const grpc = targets.grpc.map(({ name, address }) =>
    timed(name, async () => {
      const status = await checkGrpcHealth(address, '', targets.timeoutMs);
      return { ok: status === 'SERVING', detail: status === 'SERVING' ? undefined : status };
    }),
  );
  return { services: [gateway, ...(await Promise.all([...http, ...grpc]))], checked_at: new Date().toISOString() };
}
