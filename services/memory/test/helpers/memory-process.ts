// Runs the real memory service (`node services/memory/src/main.ts`) on ephemeral ports with its own data directory,
// and gives tests a typed gRPC client.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { checkGrpcHealth, createClient, loadProto, unary } from '@pagi/runtime';
import type { MemoryServiceClient } from '@pagi/runtime/gen/memory/MemoryService.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');
const MAIN = path.join(REPO_ROOT, 'services/memory/src/main.ts');

export interface MemoryProcess {
  dataDir: string;
  grpcPort: number;
  metricsPort: number;
  client: MemoryServiceClient;
  child: ChildProcess;
  log: string[];
  /** Sends the signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pagi-memory-'));
}

function childEnv(dataDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PAGI_ROOT: REPO_ROOT,
    PAGI_ENV_FILE: '/nonexistent',
    LOG_LEVEL: 'info',
    BIND_HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    MEMORY_GRPC_PORT: '0',
    MEMORY_METRICS_PORT: '0',
    SERVICE_TOKEN: TEST_SERVICE_TOKEN,
    ...env,
  };
}

/** Starts the service and waits until grpc.health.v1 says SERVING; rejects with the log if it exits first. */
export async function startMemory(
  opts: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<MemoryProcess> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: childEnv(dataDir, opts.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const ready = new Promise<{ grpcPort: number; metricsPort: number }>((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        log.push(line);
        if (line.includes('"memory service ready"'))
          resolve(JSON.parse(line) as { grpcPort: number; metricsPort: number });
      });
    }
    child.once('exit', (code) => reject(new Error(`memory exited with ${code} before ready:\n${log.join('\n')}`)));
  });
  const { grpcPort, metricsPort } = await ready;
  const address = `127.0.0.1:${grpcPort}`;
  const status = await checkGrpcHealth(address);
  if (status !== 'SERVING') throw new Error(`health says ${status}`);
  const proto = loadProto('memory');
  const client = createClient(proto.memory.MemoryService, address, TEST_SERVICE_TOKEN);
  return {
    dataDir,
    grpcPort,
    metricsPort,
    client,
    child,
    log,
    stop: async (signal = 'SIGTERM') => {
      client.close();
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = await exited;
      return code as number | null;
    },
  };
}

/** Runs the service expecting it to fail at start; resolves with its exit code and output. */
export async function startExpectingFailure(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: childEnv(tempDataDir(), env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return { code: code as number | null, output };
}

export { unary };
