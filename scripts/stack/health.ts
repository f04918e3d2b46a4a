import { checkGrpcHealth } from '@pagi/runtime';
import type { ServiceSpec } from './catalog.ts';

/** One readiness probe: true when the service answers healthy right now. */
export async function isHealthy(spec: ServiceSpec, ports: Record<string, number>): Promise<boolean> {
  const port = ports[spec.health.portVar];
  try {
    if (spec.health.kind === 'grpc') return (await checkGrpcHealth(`127.0.0.1:${port}`, '', 1000)) === 'SERVING';
    const res = await fetch(`http://127.0.0.1:${port}${spec.health.path}`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Polls until healthy, the process exits, or the deadline passes. */
export async function waitHealthy(
  spec: ServiceSpec,
  ports: Record<string, number>,
  opts: { timeoutMs: number; exited: () => boolean },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (opts.exited()) throw new Error(`${spec.name} exited before becoming healthy`);
    if (await isHealthy(spec, ports)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${spec.name} not healthy after ${opts.timeoutMs} ms`);
}
