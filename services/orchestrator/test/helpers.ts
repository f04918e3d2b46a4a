// Starts the real orchestrator (HTTP + both gRPC servers) in-process on ephemeral ports with its own state folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, loadConfig, orchestratorConfigSchema } from '@pagi/kit';
import { type RunningOrchestrator, startOrchestrator } from '../src/orchestrator.ts';

/** A parsed JSON answer; tests check its shape with assertions. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
export type Json = any;

export interface TestOrchestrator {
  url: string;
  dataDir: string;
  running: RunningOrchestrator;
  post(p: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Json }>;
  get(p: string): Promise<{ status: number; body: Json }>;
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export async function startTestOrchestrator(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(path.join(tmpdir(), 'orch-test-')),
): Promise<TestOrchestrator> {
  const config = loadConfig(
    orchestratorConfigSchema,
    {
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: dataDir,
      LLM_PROVIDER: 'mock',
      ORCHESTRATOR_HTTP_PORT: '0',
      ORCHESTRATOR_GRPC_PORT: '0',
      ORCHESTRATOR_ADMIN_GRPC_PORT: '0',
      // Closed ports unless a test points them at real services.
      MEMORY_GRPC_ADDR: 'http://127.0.0.1:1',
      TOOLS_GRPC_ADDR: 'http://127.0.0.1:1',
      ...env,
    },
    { dotenv: false },
  );
  const running = await startOrchestrator(config, createLogger('orchestrator-test', config.LOG_LEVEL));
  const url = `http://127.0.0.1:${running.httpPort}`;
  const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url + p, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed as Json };
  };
  return {
    url,
    dataDir,
    running,
    post: (p, body, headers) => call('POST', p, body, headers),
    get: (p) => call('GET', p),
    close: async (opts = {}) => {
      await running.close();
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads an SSE response to its end and returns the parsed `data:` events. */
export async function readSse(res: Response): Promise<Json[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .map((block) => block.split('\n').find((l) => l.startsWith('data: ')))
    .filter((l): l is string => Boolean(l))
    .map((l) => JSON.parse(l.slice(6)));
}

export const chatBody = (message: string, session = 's1', twin = 'twin-1') => ({
  message,
  twin_id: twin,
  session_id: session,
});
