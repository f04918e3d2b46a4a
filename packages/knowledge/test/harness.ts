import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LlmClient } from '@pagi/llm';
import {
  createClient,
  createHttpApp,
  createLogger,
  loadProto,
  MemoryClient,
  type OrchestratorConfig,
  orchestratorConfigSchema,
} from '@pagi/runtime';
import type { MemoryServiceClient } from '@pagi/runtime/gen/memory/MemoryService.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { type Stack, startStack } from '@pagi/tests/helpers/stack.ts';
import type { FastifyInstance } from 'fastify';
import { type Knowledge, startKnowledge } from '../src/index.ts';

// Test harness: a real memory service process on an ephemeral port, and the knowledge part mounted on a kit
// HTTP app, exactly as the orchestrator mounts it.

export const REPO = path.resolve(import.meta.dirname, '../../..');

export interface Harness {
  stack: Stack;
  dataDir: string;
  ingestDir: string;
  starterDir: string;
  memory: MemoryServiceClient;
  config(env?: Record<string, string>): OrchestratorConfig;
  start(env?: Record<string, string>, llm?: LlmClient | null): Promise<{ app: FastifyInstance; knowledge: Knowledge }>;
  close(): Promise<void>;
}

export async function startHarness(opts: { starter?: boolean } = {}): Promise<Harness> {
  const stack = await startStack({ services: ['memory'] });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'knowledge-'));
  const ingestDir = path.join(dataDir, 'ingest');
  const starterDir = path.join(dataDir, 'starter');
  mkdirSync(ingestDir, { recursive: true });
  if (opts.starter) cpSync(path.join(REPO, 'knowledge_bases'), starterDir, { recursive: true });
  else mkdirSync(starterDir, { recursive: true });
  const running: { app: FastifyInstance; knowledge: Knowledge; client: MemoryClient }[] = [];
  const config = (env: Record<string, string> = {}) =>
    orchestratorConfigSchema.parse({
      DATA_DIR: dataDir,
      MEMORY_GRPC_ADDR: stack.addresses.MEMORY_GRPC_ADDR,
      KNOWLEDGE_BASES_DIR: starterDir,
      INGEST_WRITE_STABILITY_MS: '100',
      LLM_PROVIDER: 'mock',
      ...env,
    });
  const memory = createClient(
    loadProto('memory').memory.MemoryService,
    stack.addresses.MEMORY_GRPC_ADDR!,
    TEST_SERVICE_TOKEN,
  );
  return {
    stack,
    dataDir,
    ingestDir,
    starterDir,
    memory,
    config,
    async start(env = {}, llm = null) {
      const logger = createLogger('knowledge-test', process.env.TEST_LOG_LEVEL ?? 'silent');
      const client = new MemoryClient(stack.addresses.MEMORY_GRPC_ADDR!, TEST_SERVICE_TOKEN);
      const knowledge = await startKnowledge({ config: config(env), logger, llm, memory: client });
      const app = createHttpApp({ service: 'orchestrator', logger });
      knowledge.registerRoutes(app);
      await app.ready();
      running.push({ app, knowledge, client });
      return { app, knowledge };
    },
    async close() {
      for (const r of running) {
        await r.app.close();
        await r.knowledge.close();
        r.client.close();
      }
      memory.close();
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(
  fn: () => T | Promise<T>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
