// Boots any set of services on ephemeral ports with a temporary data/ and tears them down.
// System and browser tests use it so that each test says only which services it needs.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CATALOG, type ServiceSpec } from '../../scripts/stack/catalog.ts';
import { waitHealthy } from '../../scripts/stack/health.ts';
import { launchInOrder } from '../../scripts/stack/start-order.ts';
import { releasePorts, reservePort } from './ports.ts';
import { TEST_SERVICE_TOKEN } from './service-token.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface StackOptions {
  /** Services to start (in catalog order); dependencies not listed are left down. */
  services: string[];
  /** Extra environment for every service. */
  env?: Record<string, string>;
  /** Extra environment per service name. */
  serviceEnv?: Record<string, Record<string, string>>;
  /** Reuse a data directory (e.g. to test a restart); default a fresh temporary one, removed on close. */
  dataDir?: string;
  startTimeoutMs?: number;
  /**
   * The UI as people get it, its production build served (frontend/dist, which must be current: see
   * tests/e2e/support/ui-build.ts), or the development server, which prepares each module on first request.
   */
  ui?: 'built' | 'dev';
}

interface Running {
  spec: ServiceSpec;
  child: ChildProcess;
  log: string[];
}

export interface Stack {
  dataDir: string;
  /** Every port variable of the catalog, all on free ephemeral ports. */
  ports: Record<string, number>;
  /** Addresses of every service (ORCHESTRATOR_URL, MEMORY_GRPC_ADDR, …) as the services themselves see them. */
  addresses: Record<string, string>;
  url(service: string): string;
  logs(service: string): string;
  /** Process id of a running service (for resource figures). */
  pid(service: string): number | undefined;
  /** Sends a signal and waits for the process to exit; returns its exit code. */
  stop(service: string, signal?: NodeJS.Signals): Promise<number | null>;
  /** (Re)starts a service with the same ports and data, and waits for it to be healthy. */
  start(service: string, extraEnv?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

function specOf(name: string): ServiceSpec {
  const spec = CATALOG.find((s) => s.name === name);
  if (!spec) throw new Error(`unknown service ${name}`);
  return spec;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const ownsData = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'pagi-stack-'));
  const ports: Record<string, number> = {};
  for (const spec of CATALOG) for (const v of Object.keys(spec.ports)) ports[v] = await reservePort();
  const addresses: Record<string, string> = {};
  for (const spec of CATALOG) Object.assign(addresses, spec.exports(ports));
  const running = new Map<string, Running>();

  const baseEnv = (spec: ServiceSpec, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: process.env.LANG ?? 'C.UTF-8',
    PAGI_ROOT: REPO_ROOT,
    PAGI_ENV_FILE: '/nonexistent',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    BIND_HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LLM_PROVIDER: 'mock',
    SERVICE_TOKEN: TEST_SERVICE_TOKEN,
    // Tests act as the local admin unless they turn accounts on (the auth tests do).
    AUTH_MODE: 'off',
    ...spec.env,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    ...addresses,
    ...opts.env,
    ...opts.serviceEnv?.[spec.name],
    ...extra,
  });

  const launch = async (name: string, extra?: Record<string, string>) => {
    const spec = specOf(name);
    const entry = path.join(REPO_ROOT, spec.entry);
    if (!existsSync(entry)) throw new Error(`service ${name} has no entry ${spec.entry}`);
    const command = (opts.ui === 'built' && spec.builtCommand) || spec.command;
    const [cmd, ...args] = command
      ? [path.join(REPO_ROOT, command[0]!), ...command.slice(1)]
      : [process.execPath, entry];
    const child = spawn(cmd!, args, { cwd: REPO_ROOT, env: baseEnv(spec, extra), stdio: ['ignore', 'pipe', 'pipe'] });
    const log: string[] = [];
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        log.push(line);
        if (process.env.TEST_STACK_ECHO) process.stderr.write(`[${name}] ${line}\n`);
      });
    }
    running.set(name, { spec, child, log });
    try {
      await waitHealthy(spec, ports, {
        timeoutMs: opts.startTimeoutMs ?? 60_000,
        exited: () => child.exitCode !== null,
      });
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- ${name} log ---\n${log.slice(-40).join('\n')}`);
    }
  };

  const stop = async (name: string, signal: NodeJS.Signals = 'SIGTERM') => {
    const r = running.get(name);
    if (!r) return null;
    running.delete(name);
    if (r.child.exitCode !== null) return r.child.exitCode;
    const exited = once(r.child, 'exit');
    r.child.kill(signal);
    const timer = setTimeout(() => r.child.kill('SIGKILL'), 15_000);
    const [code] = await exited;
    clearTimeout(timer);
    return code as number | null;
  };

  const stack: Stack = {
    dataDir,
    ports,
    addresses,
    url: (name) => specOf(name).exports(ports)[Object.keys(specOf(name).exports(ports))[0]!]!,
    logs: (name) => running.get(name)?.log.join('\n') ?? '',
    pid: (name) => running.get(name)?.child.pid,
    stop,
    start: launch,
    close: async () => {
      await Promise.all([...running.keys()].map((name) => stop(name)));
      releasePorts(Object.values(ports));
      if (ownsData) rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const wanted = opts.services.map(specOf);
  // Independent services boot side by side, which is most of a stack's start-up time.
  const failed = await launchInOrder(
    CATALOG.filter((s) => wanted.includes(s)),
    (spec) => launch(spec.name),
  );
  if (failed) {
    await stack.close();
    throw failed;
  }
  return stack;
}
