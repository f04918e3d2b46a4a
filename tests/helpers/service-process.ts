// Starts one gRPC service of this repository as its own process (node services/<name>/src/main.ts) on reserved
// ports and waits until its health check answers SERVING; the tools and build tests drive them this way.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { checkGrpcHealth, createClient, loadProto } from '@pagi/runtime';
import type { BuildServiceClient } from '@pagi/runtime/gen/build/BuildService.ts';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import { findBwrap } from '@pagi/tools';
import { reservePort } from './ports.ts';
import { TEST_SERVICE_TOKEN } from './service-token.ts';
import { REPO_ROOT } from './stack.ts';

export interface RunningService {
  port: number;
  metricsPort: number;
  child: ChildProcess;
  logs(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const PORT_VARS = {
  tools: ['TOOLS_GRPC_PORT', 'TOOLS_METRICS_PORT'],
  build: ['BUILD_SERVICE_PORT', 'BUILD_METRICS_PORT'],
} as const;

export async function startService(name: 'tools' | 'build', env: Record<string, string>): Promise<RunningService> {
  const [grpcVar, metricsVar] = PORT_VARS[name];
  const port = await reservePort();
  const metricsPort = await reservePort();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, `services/${name}/src/main.ts`)], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C.UTF-8',
      PAGI_ROOT: REPO_ROOT,
      PAGI_ENV_FILE: '/nonexistent',
      LOG_LEVEL: 'info',
      BIND_HOST: '127.0.0.1',
      SERVICE_TOKEN: TEST_SERVICE_TOKEN,
      [grpcVar]: String(port),
      [metricsVar]: String(metricsPort),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (l) => lines.push(l));
  }
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    child.kill(signal);
    const [code] = await exited;
    return code as number | null;
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start:\n${lines.join('\n')}`);
    const status = await checkGrpcHealth(`127.0.0.1:${port}`, '', 500).catch(() => 'DOWN');
    if (status === 'SERVING') break;
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`${name} not healthy in time:\n${lines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, metricsPort, child, logs: () => lines.join('\n'), stop };
}

export function toolsClient(port: number): ToolExecutorServiceClient {
  return createClient(loadProto('tools').tools.ToolExecutorService, `127.0.0.1:${port}`, TEST_SERVICE_TOKEN);
}

export function buildClient(port: number): BuildServiceClient {
  return createClient(loadProto('build').build.BuildService, `127.0.0.1:${port}`, TEST_SERVICE_TOKEN);
}

/** A private temporary folder (mode 0700, like mkdtemp), removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Whether the bubblewrap tests run: always when bwrap is installed; under CI=true they run even without it, so
 * that a missing bwrap fails them instead of skipping them.
 */
export const BWRAP_PRESENT = findBwrap() !== undefined;
export const RUN_BWRAP_TESTS = BWRAP_PRESENT || process.env.CI === 'true';
