// Server side of the chat benchmark, run as a separate process so the load generator does not share its event loop:
// the real orchestrator (mock planner, fresh state) and a bare fastify route, both on ephemeral ports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOrchestrator } from '@pagi/orchestrator';
import { createLogger, loadConfig, orchestratorConfigSchema } from '@pagi/runtime';
import Fastify from 'fastify';

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-chat-'));
const config = loadConfig(
  orchestratorConfigSchema,
  {
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    LLM_PROVIDER: 'mock',
    // The cost of authentication has its own benchmark (bench/auth).
    AUTH_MODE: 'off',
    ORCHESTRATOR_HTTP_PORT: '0',
    ORCHESTRATOR_GRPC_PORT: '0',
    ORCHESTRATOR_ADMIN_GRPC_PORT: '0',
    MEMORY_GRPC_ADDR: 'http://127.0.0.1:1',
    TOOLS_GRPC_ADDR: 'http://127.0.0.1:1',
  },
  { dotenv: false },
);
const orchestrator = await startOrchestrator(config, createLogger('bench', 'silent'));

const bare = Fastify({ logger: false });
bare.post('/echo', async (req) => {
  const body = req.body as { message?: string; session_id?: string };
  return { response: `You said: ${body.message}`, session_id: body.session_id, status: 'completed' };
});
await bare.listen({ host: '127.0.0.1', port: 0 });
const barePort = (bare.server.address() as { port: number }).port;

process.stdout.write(`${JSON.stringify({ orchestrator: orchestrator.httpPort, bare: barePort })}\n`);
process.on('SIGTERM', async () => {
  await bare.close();
  await orchestrator.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
