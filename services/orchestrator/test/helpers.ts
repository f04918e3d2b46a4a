// Starts the real orchestrator (HTTP + both gRPC servers) in-process on ephemeral ports with its own state folder,
// and reads its answers through the contracts, so a test sees exactly the shapes a client is promised.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ErrorBody, TurnEvent } from '@pagi/contracts';
import { createLogger, loadConfig, orchestratorConfigSchema } from '@pagi/runtime';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import type { z } from 'zod';
import { type OrchestratorOptions, type RunningOrchestrator, startOrchestrator } from '../src/orchestrator.ts';

/** An HTTP answer before it is read through a contract. */
export interface Answer {
  status: number;
  body: unknown;
}

export interface TestOrchestrator {
  url: string;
  dataDir: string;
  running: RunningOrchestrator;
  post(p: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  get(p: string): Promise<Answer>;
  close(opts?: { keepData?: boolean }): Promise<void>;
}

/** A successful answer, read with its contract (fails the test, showing the answer, when either does not hold). */
export function ok<S extends z.ZodType>(answer: Answer, schema: S): z.infer<S> {
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`expected a 2xx answer, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    throw new Error(`answer outside its contract: ${parsed.error.message}\n${JSON.stringify(answer.body)}`);
  }
  return parsed.data;
}

/** A refusal in the shared error shape, with the expected status. */
export function refused(answer: Answer, status: number): ErrorBody['error'] {
  if (answer.status !== status) {
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return ErrorBody.parse(answer.body).error;
}

export async function startTestOrchestrator(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(path.join(tmpdir(), 'orch-test-')),
  opts: OrchestratorOptions = {},
): Promise<TestOrchestrator> {
  const config = loadConfig(
    orchestratorConfigSchema,
    {
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: dataDir,
      LLM_PROVIDER: 'mock',
      SERVICE_TOKEN: TEST_SERVICE_TOKEN,
      // Accounts have their own tests; these act as the local admin.
      AUTH_MODE: 'off',
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
  const running = await startOrchestrator(config, createLogger('orchestrator-test', config.LOG_LEVEL), opts);
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
    return { status: res.status, body: parsed };
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

/** Reads a turn's Server-Sent Events to the end, each one checked against the TurnEvent contract. */
export async function readSse(res: Response): Promise<TurnEvent[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .map((block) => block.split('\n').find((l) => l.startsWith('data: ')))
    .filter((l): l is string => Boolean(l))
    .map((l) => TurnEvent.parse(JSON.parse(l.slice(6))));
}

/** The final event of a turn's stream (the answer with its outcome). */
export function finalEvent(events: TurnEvent[]): Extract<TurnEvent, { type: 'response' }> {
  const last = events.at(-1);
  if (last?.type !== 'response' || !last.done)
    throw new Error(`the stream did not end with an answer: ${JSON.stringify(last)}`);
  return last;
}

export const chatBody = (message: string, session = 's1', twin = 'twin-1') => ({
  message,
  twin_id: twin,
  session_id: session,
});
