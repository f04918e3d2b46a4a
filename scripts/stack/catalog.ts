// The services of the platform, in start order, with the variables that set their ports and the addresses
// their dependents need. Both the dev harness (`make run-dev`) and the system-test helper read this.
export interface ServiceSpec {
  name: string;
  /** Entry file, relative to the repository root; a service whose entry does not exist yet is skipped. */
  entry: string;
  /** Command to run instead of `node <entry>` (argv, relative to the repository root). */
  command?: string[];
  /** For the UI: the command that serves its production build (frontend/dist) instead of the development server. */
  builtCommand?: string[];
  /** Port variables and their defaults (the documented port matrix). */
  ports: Record<string, number>;
  /** How readiness is checked: an HTTP GET on a port variable, or the gRPC health service. */
  health: { kind: 'http'; portVar: string; path: string } | { kind: 'grpc'; portVar: string };
  /** Services that must be healthy before this one starts. */
  after: string[];
  /** Variables this service's dependents receive, given its actual ports. */
  exports: (ports: Record<string, number>) => Record<string, string>;
  /** Environment the process itself needs (set by whatever starts it: the dev harness, the tests, the images). */
  env?: Record<string, string>;
}

/**
 * For services that stream large bodies (uploads): buffers of 32 KiB and more are mapped and unmapped by themselves
 * instead of coming from the C allocator's arenas, so memory a burst of uploads used goes back to the system once
 * it is free, instead of staying in the process's resident size for good.
 */
export const STREAMING_ENV = { MALLOC_MMAP_THRESHOLD_: '32768', MALLOC_TRIM_THRESHOLD_: '131072' };

const local = (port: number | undefined) => `http://127.0.0.1:${port}`;

export const CATALOG: ServiceSpec[] = [
  {
    name: 'memory',
    entry: 'services/memory/src/main.ts',
    ports: { MEMORY_GRPC_PORT: 50052, MEMORY_METRICS_PORT: 9152 },
    health: { kind: 'grpc', portVar: 'MEMORY_GRPC_PORT' },
    after: [],
    exports: (p) => ({ MEMORY_GRPC_ADDR: local(p.MEMORY_GRPC_PORT) }),
  },
  {
    name: 'tools',
    entry: 'services/tools/src/main.ts',
    ports: { TOOLS_GRPC_PORT: 50054, TOOLS_METRICS_PORT: 9154 },
    health: { kind: 'grpc', portVar: 'TOOLS_GRPC_PORT' },
    after: [],
    exports: (p) => ({ TOOLS_GRPC_ADDR: local(p.TOOLS_GRPC_PORT) }),
  },
  {
    name: 'build',
    entry: 'services/build/src/main.ts',
    ports: { BUILD_SERVICE_PORT: 50055, BUILD_METRICS_PORT: 9155 },
    health: { kind: 'grpc', portVar: 'BUILD_SERVICE_PORT' },
    after: [],
    exports: (p) => ({ BUILD_GRPC_ADDR: local(p.BUILD_SERVICE_PORT) }),
  },
  {
    name: 'telemetry',
    entry: 'services/telemetry/src/main.ts',
    ports: { TELEMETRY_PORT: 8183 },
    health: { kind: 'http', portVar: 'TELEMETRY_PORT', path: '/health' },
    after: [],
    exports: (p) => ({ TELEMETRY_URL: local(p.TELEMETRY_PORT) }),
    env: STREAMING_ENV,
  },
  {
    name: 'orchestrator',
    entry: 'services/orchestrator/src/main.ts',
    ports: { ORCHESTRATOR_HTTP_PORT: 8182, ORCHESTRATOR_GRPC_PORT: 50057, ORCHESTRATOR_ADMIN_GRPC_PORT: 50056 },
    health: { kind: 'http', portVar: 'ORCHESTRATOR_HTTP_PORT', path: '/health' },
    after: ['memory', 'tools', 'build'],
    exports: (p) => ({ ORCHESTRATOR_URL: local(p.ORCHESTRATOR_HTTP_PORT) }),
  },
  {
    name: 'gateway',
    entry: 'services/gateway/src/main.ts',
    ports: { GATEWAY_PORT: 8181 },
    health: { kind: 'http', portVar: 'GATEWAY_PORT', path: '/api/health' },
    after: ['orchestrator', 'telemetry'],
    exports: (p) => ({ GATEWAY_URL: local(p.GATEWAY_PORT) }),
    env: STREAMING_ENV,
  },
  {
    name: 'frontend',
    entry: 'frontend/vite.config.ts',
    command: ['node_modules/.bin/vite', '--config', 'frontend/vite.config.ts', '--strictPort'],
    builtCommand: ['node_modules/.bin/vite', 'preview', '--config', 'frontend/vite.config.ts', '--strictPort'],
    ports: { FRONTEND_PORT: 3000 },
    health: { kind: 'http', portVar: 'FRONTEND_PORT', path: '/' },
    after: ['gateway'],
    exports: (p) => ({ FRONTEND_URL: local(p.FRONTEND_PORT) }),
  },
];
