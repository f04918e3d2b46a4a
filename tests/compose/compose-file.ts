// The compose file the test runs: docker-compose.yml as `docker-compose config` resolves it, changed only where
// this machine requires — host networking on ports shifted away from the dev stack's, services whose images come
// from a registry left out, and the one option Debian's docker-compose cannot pass on replaced by a runtime.
import { CATALOG } from '../../scripts/stack/catalog.ts';
import { UNMASKED_RUNTIME } from './engine.ts';

interface Service {
  build?: { context: string; dockerfile?: string; args?: Record<string, string>; network?: string };
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval?: string; start_period?: string };
  security_opt?: string[];
  networks?: unknown;
  network_mode?: string;
  ports?: unknown;
  expose?: unknown;
  runtime?: string;
  volumes?: string[];
}

export interface ComposeDoc {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
}

/** Which catalog entry (and so which port variables) a compose service is. */
export function catalogName(name: string, service: Service): string | undefined {
  return service.build?.args?.SERVICE ?? (name === 'frontend' ? 'frontend' : undefined);
}

/**
 * `ports` maps every port variable of the catalog to the port it gets here. Every service is given every port and
 * address (as the dev harness does), binds to loopback only, uses the embedded vector store, the offline planner and
 * no tracing exporter.
 */
export function testComposeFile(resolved: ComposeDoc, ports: Record<string, number>): ComposeDoc {
  const local = (port: number | undefined) => `http://127.0.0.1:${port}`;
  const addresses: Record<string, string> = {};
  for (const spec of CATALOG) Object.assign(addresses, spec.exports(ports));
  // A health check names a default port (127.0.0.1:9152); it moves with its variable.
  const moved = new Map<number, number>();
  for (const spec of CATALOG) for (const [v, port] of Object.entries(spec.ports)) moved.set(port, ports[v]!);

  const kept = Object.entries(resolved.services).filter(([, s]) => s.build !== undefined);
  const keptNames = new Set(kept.map(([n]) => n));
  const services: Record<string, Service> = {};
  for (const [name, s] of kept) {
    if (!catalogName(name, s)) throw new Error(`compose service ${name} is not in scripts/stack/catalog.ts`);
    const { networks: _n, ports: _p, expose: _e, ...rest } = s;
    const unconfined = (s.security_opt ?? []).includes('systempaths=unconfined');
    services[name] = {
      ...rest,
      build: { ...s.build!, network: 'host' },
      network_mode: 'host',
      environment: {
        ...s.environment,
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
        ...addresses,
        GATEWAY_URL: local(ports.GATEWAY_PORT),
        BIND_HOST: '127.0.0.1',
        QDRANT_URL: '',
        OTEL_EXPORTER_OTLP_ENDPOINT: '',
        LLM_PROVIDER: 'mock',
      },
      depends_on: Object.fromEntries(Object.entries(s.depends_on ?? {}).filter(([dep]) => keptNames.has(dep))),
      ...(s.security_opt && { security_opt: s.security_opt.filter((o) => o !== 'systempaths=unconfined') }),
      ...(unconfined && { runtime: UNMASKED_RUNTIME }),
      ...(s.healthcheck && {
        healthcheck: {
          ...s.healthcheck,
          test: s.healthcheck.test.map((arg) =>
            arg.replace(/127\.0\.0\.1:(\d+)/g, (whole, port: string) => {
              const to = moved.get(Number(port));
              return to ? `127.0.0.1:${to}` : whole;
            }),
          ),
          // The same checks, run more often, so the start order (each service waits for its dependencies to be
          // healthy) does not cost ten seconds a step.
          interval: '2s',
        },
      }),
    };
  }
  const volumes = Object.fromEntries(
    Object.entries(resolved.volumes ?? {}).filter(([v]) =>
      Object.values(services).some((s) => (s.volumes ?? []).some((m) => String(m).startsWith(`${v}:`))),
    ),
  );
  // No `version`: without it, docker-compose 1.29 reads the file as the Compose Specification, which has `runtime`.
  return { services, volumes };
}
