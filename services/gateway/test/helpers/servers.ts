// Starts the real gateway and the real telemetry service in this process on ephemeral ports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IdentitySigner } from '@pagi/auth';
import { createLogger, gatewayConfigSchema, listen, loadConfig } from '@pagi/runtime';
import { buildTelemetryApp, MediaStore, readHostSample, SharedSampler } from '@pagi/telemetry';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import type { FastifyInstance } from 'fastify';
import { buildGatewayApp } from '../../src/http/gateway-app.ts';

const silent = createLogger('test', 'silent');

export interface RunningGateway {
  app: FastifyInstance;
  url: string;
  /** What the gateway logged (at info and above), parsed. */
  logs: () => { level: number; msg: string }[];
  ws: (path: string) => string;
  close: () => Promise<void>;
}

export async function startGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const config = loadConfig(
    gatewayConfigSchema,
    {
      GATEWAY_PORT: '0',
      ORCHESTRATOR_URL: 'http://127.0.0.1:9',
      TELEMETRY_URL: 'http://127.0.0.1:9',
      MEMORY_GRPC_ADDR: 'http://127.0.0.1:9',
      TOOLS_GRPC_ADDR: 'http://127.0.0.1:9',
      BUILD_GRPC_ADDR: 'http://127.0.0.1:9',
      // Accounts have their own tests; these test the rest of the gateway as the local admin.
      AUTH_MODE: 'off',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pagi-gateway-')),
      ...env,
    },
    { dotenv: false },
  );
  const lines: string[] = [];
  const app = await buildGatewayApp(
    config,
    createLogger('gateway', 'info', (l) => lines.push(l)),
    TEST_SERVICE_TOKEN,
  );
  const port = await listen(app, '127.0.0.1', 0);
  return {
    app,
    logs: () => lines.map((l) => JSON.parse(l)),
    url: `http://127.0.0.1:${port}`,
    ws: (p) => `ws://127.0.0.1:${port}${p}`,
    close: () => app.close(),
  };
}

export interface RunningTelemetry {
  url: string;
  sampler: SharedSampler;
  media: MediaStore;
  close: () => Promise<void>;
}

export async function startTelemetry(opts: { intervalMs?: number; maxBytes?: number } = {}): Promise<RunningTelemetry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pagi-media-'));
  const sampler = new SharedSampler({ read: readHostSample, intervalMs: opts.intervalMs ?? 200, logger: silent });
  const media = new MediaStore(dir, silent);
  await media.open();
  const app = await buildTelemetryApp({
    logger: silent,
    sampler,
    media,
    mediaMaxBytes: opts.maxBytes ?? 1_000_000,
    auth: { mode: 'off', signer: new IdentitySigner(TEST_SERVICE_TOKEN) },
  });
  const port = await listen(app, '127.0.0.1', 0);
  return {
    url: `http://127.0.0.1:${port}`,
    sampler,
    media,
    close: async () => {
      await app.close();
      sampler.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
