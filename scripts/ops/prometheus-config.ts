// Prints a Prometheus scrape config for a bare-metal stack: the jobs of config/prometheus.yml with 127.0.0.1
// targets on the ports in use (defaults, or the *_PORT variables set in the environment).
//   node scripts/ops/prometheus-config.ts > /tmp/prometheus.yml && prometheus --config.file=/tmp/prometheus.yml
import { stringify } from 'yaml';

/** Each job and the port variable its metrics are served on (gRPC-only services use their side port). */
export const SCRAPE_PORTS: Record<string, [string, number]> = {
  gateway: ['GATEWAY_PORT', 8181],
  orchestrator: ['ORCHESTRATOR_HTTP_PORT', 8182],
  telemetry: ['TELEMETRY_PORT', 8183],
  memory: ['MEMORY_METRICS_PORT', 9152],
  tools: ['TOOLS_METRICS_PORT', 9154],
  build: ['BUILD_METRICS_PORT', 9155],
};

export function prometheusConfig(ports: Record<string, string | number | undefined>, intervalSeconds = 15): string {
  return stringify({
    global: { scrape_interval: `${intervalSeconds}s`, evaluation_interval: `${intervalSeconds}s` },
    scrape_configs: Object.entries(SCRAPE_PORTS).map(([job, [variable, fallback]]) => ({
      job_name: job,
      static_configs: [{ targets: [`127.0.0.1:${ports[variable] ?? fallback}`] }],
    })),
  });
}

if (import.meta.main) process.stdout.write(prometheusConfig(process.env));
