import { z } from 'zod';
import { auth, bool, common, dataDir, int, num, optionalStr, port, str, url } from '../fields.ts';
import { checkMesh, meshFields } from './mesh.ts';

export const orchestratorConfigSchema = z
  .object({
    ...common,
    ...auth,
    ORCHESTRATOR_HTTP_PORT: port(8182),
    ORCHESTRATOR_GRPC_PORT: port(50057),
    ORCHESTRATOR_ADMIN_GRPC_PORT: port(50056),
    MEMORY_GRPC_ADDR: url('http://127.0.0.1:50052'),
    /** Memory search hits scoring below this (absolute relevance, 0-1) are left out of answers and results. */
    MEMORY_MIN_SCORE: num(0.1, 0, 1),
    TOOLS_GRPC_ADDR: url('http://127.0.0.1:50054'),
    BUILD_GRPC_ADDR: url('http://127.0.0.1:50055'),
    /** openrouter (any OpenAI-compatible endpoint) or mock; without an API key the mock planner is used. */
    LLM_PROVIDER: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['openrouter', 'mock']).default('openrouter')),
    OPENROUTER_API_KEY: optionalStr(),
    OPENROUTER_URL: url('https://openrouter.ai/api/v1/chat/completions'),
    OPENROUTER_MODEL: str('google/gemini-2.0-flash-exp'),
    LLM_TIMEOUT_MS: int(30_000, 100),
    /** The model's price in US dollars per million tokens; agent templates' money budgets are counted with it. */
    LLM_USD_PER_MILLION_TOKENS: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number({ error: 'expected a price in dollars' }).min(0).max(10_000).optional(),
    ),
    SYSTEM_PROMPT_FILE: str('config/system_prompt.txt'),
    HITL_TTL_SECONDS: int(600, 1),
    BYPASS_HITL_TOOL_EXEC: bool(false),
    BYPASS_HITL_MEMORY: bool(false),
    INGEST_DIR: optionalStr(),
    KNOWLEDGE_BASES_DIR: str('knowledge_bases'),
    INGEST_MAX_FILE_BYTES: int(10_485_760, 1),
    /** Files processed at the same time (the embedding itself happens in the memory service). */
    INGEST_CONCURRENCY: int(4, 1, 16),
    /** A watched file must keep the same size this long before it is read (it may still be being written). */
    INGEST_WRITE_STABILITY_MS: int(300, 20, 60_000),
    /** Watch INGEST_DIR for changes; when false, only POST /api/knowledge/ingest and start-up scans ingest. */
    INGEST_WATCH: bool(true),
    /** A file is flagged for review when its domain leads the runner-up's confidence by less than this (0: never). */
    INGEST_LOW_CONFIDENCE_MARGIN: num(0.5, 0, 1),
    /** The embedding model folder; when it holds the WordPiece vocabulary, chunk sizes are counted exactly. */
    EMBEDDING_MODEL_DIR: optionalStr(),
    /** Memory namespace holding the ingested knowledge (one collection per domain inside it). */
    KNOWLEDGE_NAMESPACE: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (at most 64)')
        .default('knowledge'),
    ),
    /** Atlas edges join nearest neighbours at least this similar (cosine). */
    KNOWLEDGE_ATLAS_MIN_SIMILARITY: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number({ error: 'expected a number between 0 and 1' }).min(0).max(1).default(0.3),
    ),
    CHAT_MAX_MESSAGE_BYTES: int(16_384, 1),
    /** Agent templates (one YAML file each); the fleet's own land in DATA_DIR/fleet/agents. */
    AGENTS_DIR: str('config/agents'),
    /** How deep sub-agents nest (a person's run is depth 0) and how many one run may start. */
    AGENTS_MAX_DEPTH: int(2, 0, 8),
    AGENTS_MAX_CHILDREN: int(4, 0, 32),
    /** Let templates that ask for it (auto_approve: [query_memory]) search memory without a card; tools never. */
    AGENTS_AUTO_APPROVE_MEMORY: bool(false),
    /** Longest wait between two looks at the schedules (a firing is otherwise met on time). */
    AGENTS_SCHEDULER_POLL_MS: int(30_000, 50, 3_600_000),
    /** The tools service's policy file, which a tool_policy change accepted by the fleet rewrites. */
    TOOLS_POLICY_FILE: str('config/tools_policy.yaml'),
    ...meshFields,
  })
  .superRefine(checkMesh)
  .transform((c) => ({
    ...c,
    STATE_DIR: dataDir(c, undefined, 'state'),
    INGEST_DIR: dataDir(c, c.INGEST_DIR, 'ingest'),
    /** The mesh node's key (identity.key); `make backup` copies it with the rest of DATA_DIR. */
    MESH_DIR: dataDir(c, undefined, 'mesh'),
    /** Artifacts the fleet agreed on that live as files (agent templates, playbooks, tool sources), by kind. */
    FLEET_DIR: dataDir(c, undefined, 'fleet'),
    /** Playbooks saved from runs, one YAML file each (earlier versions under .history/). */
    PLAYBOOKS_DIR: dataDir(c, undefined, 'playbooks'),
  }));
export type OrchestratorConfig = z.infer<typeof orchestratorConfigSchema>;
