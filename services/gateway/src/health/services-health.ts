import { readFile } from 'node:fs/promises';
import type { ServicesHealthResponse } from '@pagi/contracts';
import { checkGrpcHealth } from '@pagi/runtime';
import { z } from 'zod';

type ServiceHealth = ServicesHealthResponse['services'][number];

export interface HealthTargets {
  http: { name: string; url: string }[];
  grpc: { name: string; address: string }[];
  timeoutMs: number;
  /** The dev supervisor's state file (restarts per service), when the stack runs under it. */
  supervisorState?: string;
}

const SupervisorState = z.object({
  services: z.record(
    z.string(),
    z.object({ restarts: z.number().int(), last_exit: z.string().optional(), last_restart_at: z.string().optional() }),
  ),
});

/** Restarts the dev supervisor made, per service; nothing when there is no supervisor (compose, tests). */
async function supervisorView(file: string | undefined): Promise<z.infer<typeof SupervisorState>['services']> {
  if (!file) return {};
  try {
    return SupervisorState.parse(JSON.parse(await readFile(file, 'utf8'))).services;
  } catch {
    return {};
  }
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
  const [checked, supervisor] = await Promise.all([
    Promise.all([...http, ...grpc]),
    supervisorView(targets.supervisorState),
  ]);
  const services = [gateway, ...checked].map((s) => ({ ...s, ...supervisor[s.name] }));
  return { services, checked_at: new Date().toISOString() };
}
