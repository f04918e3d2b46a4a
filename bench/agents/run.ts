// Orchestration cost of one agent step, with the offline planner: runs of a template whose memory searches the owner
// pre-approved loop through 20 steps each (plan → stored action → search → stored observation), against the real
// memory service. Measured in the same script: one plain chat turn (mock planner, answered directly) as the baseline,
// and the memory search alone, so what the agent machinery adds per step can be told apart. Prints one JSON object.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentEvent, AgentRunDetail, AgentRunSummary } from '@pagi/contracts';
import { createClient, loadProto, unary } from '@pagi/runtime';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { openSse } from '@pagi/tests/helpers/sse-client.ts';
import { startStack } from '@pagi/tests/helpers/stack.ts';
import { round, summary } from '../memory/stats.ts';

const STEPS = 20;
const RUNS = 30;
const CHAT_TURNS = 300;
const SEARCHES = 300;

const stack = await startStack({ services: ['memory'] });
const agents = path.join(stack.dataDir, 'agents');
mkdirSync(agents);
writeFileSync(
  path.join(agents, 'bench.yaml'),
  `name: bench\ndescription: Benchmark\nrole: Searches memory again and again, as told.\nmax_steps: ${STEPS}\nauto_approve: [query_memory]\n`,
);
await stack.start('orchestrator', {
  AGENTS_DIR: agents,
  AGENTS_AUTO_APPROVE_MEMORY: 'true',
  LOG_LEVEL: 'warn',
  ...(process.env.BENCH_PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` } : {}),
});
const orch = stack.url('orchestrator');
const memory = createClient(
  loadProto('memory').memory.MemoryService,
  stack.addresses.MEMORY_GRPC_ADDR!,
  TEST_SERVICE_TOKEN,
);

async function post(p: string, body: unknown): Promise<unknown> {
  const res = await fetch(orch + p, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Run ends, as the event stream announces them (waiting on it costs the orchestrator nothing, unlike polling). */
const endings = new Map<string, (run: AgentRunSummary) => void>();
const events = await openSse(`${orch}/api/agents/events`);
events.onEvent = (raw) => {
  const e = AgentEvent.parse(raw);
  if (e.type === 'run' && e.run.ended_at) endings.get(e.run.run_id)?.(e.run);
};

/** One run of STEPS auto-approved searches; its duration per step, as the orchestrator recorded it. */
async function agentRun(): Promise<number> {
  let resolve!: (run: AgentRunSummary) => void;
  const ended = new Promise<AgentRunSummary>((r) => {
    resolve = r;
  });
  const run = AgentRunSummary.parse(
    await post('/api/agents/runs', { template: 'bench', goal: 'repeat: search my memory for bench step' }),
  );
  endings.set(run.run_id, resolve);
  const done = await ended;
  endings.delete(run.run_id);
  const d = AgentRunDetail.parse(await (await fetch(`${orch}/api/agents/runs/${run.run_id}`)).json());
  if (d.steps_used !== STEPS || d.steps.filter((s) => s.kind === 'observation').length !== STEPS) {
    throw new Error(`run ended early: ${d.status} ${d.reason}`);
  }
  return (Date.parse(done.ended_at!) - Date.parse(done.created_at)) / STEPS;
}

async function chatTurn(i: number): Promise<number> {
  const t0 = performance.now();
  const body = (await post('/v1/chat', {
    message: `how are you today ${i}`,
    twin_id: 'bench',
    session_id: 'bench-chat',
  })) as { status: string };
  if (body.status !== 'completed') throw new Error('chat turn did not complete');
  return performance.now() - t0;
}

async function search(): Promise<number> {
  const t0 = performance.now();
  await unary(memory, 'QueryMemory', {
    query: 'bench step',
    namespace: 'knowledge',
    top_k: 5,
    domains: [],
    twin_id: '',
  });
  return performance.now() - t0;
}

const steps: number[] = [];
const turns: number[] = [];
const searches: number[] = [];
try {
  for (let i = 0; i < 3; i++) await agentRun();
  for (let i = 0; i < 50; i++) await chatTurn(i);
  // Interleaved, so drift on a shared machine weighs on each alike.
  for (let r = 0; r < RUNS; r++) {
    steps.push(await agentRun());
    for (let i = 0; i < CHAT_TURNS / RUNS; i++) turns.push(await chatTurn(i));
    for (let i = 0; i < SEARCHES / RUNS; i++) searches.push(await search());
  }
} finally {
  events.close();
  memory.close();
  await stack.close();
}

const step = summary(steps);
const turn = summary(turns);
const query = summary(searches);
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'agent_step_mock_planner',
      runs: RUNS,
      steps_per_run: STEPS,
      agent_step_ms: step,
      chat_turn_ms: turn,
      memory_search_ms: query,
      step_vs_chat_turn_p50: round(step.p50 / turn.p50),
      agent_overhead_per_step_p50_ms: round(step.p50 - query.p50),
      overhead_vs_chat_turn_p50: round((step.p50 - query.p50) / turn.p50),
    },
    null,
    2,
  )}\n`,
);
