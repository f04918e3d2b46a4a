import { z } from 'zod';
import { bool, common, dataDir, int, optionalStr, port, str, url } from '../fields.ts';

export const orchestratorConfigSchema = z
  .object({
    ...common,
    ORCHESTRATOR_HTTP_PORT: port(8182),
    ORCHESTRATOR_GRPC_PORT: port(50057),
    ORCHESTRATOR_ADMIN_GRPC_PORT: port(50056),
    MEMORY_GRPC_ADDR: url('http://127.0.0.1:50052'),
    TOOLS_GRPC_ADDR: url('http://127.0.0.1:50054'),
    BUILD_GRPC_ADDR: url('http://127.0.0.1:50055'),
    /** openrouter (any OpenAI-compatible endpoint) or mock; without an API key the mock planner is used. */
    LLM_PROVIDER: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['openrouter', 'mock']).default('openrouter')),
    OPENROUTER_API_KEY: optionalStr(),
    OPENROUTER_URL: url('https://openrouter.ai/api/v1/chat/completions'),
    OPENROUTER_MODEL: str('google/gemini-2.0-flash-exp'),
    LLM_TIMEOUT_MS: int(30_000, 100),
    SYSTEM_PROMPT_FILE: str('config/system_prompt.txt'),
    HITL_TTL_SECONDS: int(600, 1),
    BYPASS_HITL_TOOL_EXEC: bool(false),
    BYPASS_HITL_MEMORY: bool(false),
    INGEST_DIR: optionalStr(),
    KNOWLEDGE_BASES_DIR: str('knowledge_bases'),
    INGEST_MAX_FILE_BYTES: int(10_485_760, 1),
    CHAT_MAX_MESSAGE_BYTES: int(16_384, 1),
  })
  .transform((c) => ({
    ...c,
    STATE_DIR: dataDir(c, undefined, 'state'),
    INGEST_DIR: dataDir(c, c.INGEST_DIR, 'ingest'),
  }));
export type OrchestratorConfig = z.infer<typeof orchestratorConfigSchema>;
