// Agent runs planned by an LLM (a local OpenAI-compatible endpoint the test scripts): the planner is given the goal,
// the template's role, the allowed tools and the steps so far; a reply outside the contract gets one repair; the token
// budget and the working time stop a run that does not finish.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AgentRunDetail, AgentRunSummary } from '@pagi/contracts';
import { type FakeLlm, json, startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pagi-agent-llm-'));
let orch: TestOrchestrator;
let llm: FakeLlm;

const start = async (template: string, goal: string) =>
  ok(await orch.post('/api/agents/runs', { template, goal }), AgentRunSummary);
const detail = async (id: string) => ok(await orch.get(`/api/agents/runs/${id}`), AgentRunDetail);
const ended = async (id: string) => {
  await expect.poll(async () => (await detail(id)).ended_at, { timeout: 15_000, interval: 50 }).not.toBeNull();
  return detail(id);
};

beforeAll(async () => {
  llm = await startFakeLlm();
  const template = (name: string, extra: string) =>
    writeFileSync(
      path.join(dir, `${name}.yaml`),
      `name: ${name}\ndescription: Tests\nrole: You look things up in memory for the owner, carefully.\ntools: [echo, date]\nauto_approve: [query_memory]\n${extra}`,
    );
  template('finder', 'max_steps: 6\n');
  template('spender', 'max_steps: 50\nbudget: { max_tokens: 400 }\n');
  template('pricey', 'max_steps: 50\nbudget: { max_cost_usd: 0.0004 }\n');
  template('slow', 'max_steps: 50\nstep_timeout_s: 5\ntimeout_s: 1\n');
  orch = await startTestOrchestrator({
    AGENTS_DIR: dir,
    AGENTS_AUTO_APPROVE_MEMORY: 'true',
    LLM_PROVIDER: 'openrouter',
    OPENROUTER_API_KEY: 'test-key',
    OPENROUTER_URL: llm.url,
    LLM_TIMEOUT_MS: '5000',
    LLM_USD_PER_MILLION_TOKENS: '2',
  });
});
afterAll(async () => {
  await orch?.close();
  await llm?.close();
});

describe('agent runs planned by an LLM', () => {
  it('gives the planner the role, goal, tools and steps so far, and repairs an invalid reply once', async () => {
    llm.requests.length = 0;
    llm.queue.push(
      json({ action: 'query_memory', query: 'backup schedule', reason: 'to know when backups run' }),
      json({ action: 'dance' }),
      json({ action: 'finish', result: 'Backups run nightly (nothing found to the contrary).' }),
    );
    const run = await start('finder', 'find out when backups run');
    const done = await ended(run.run_id);
    expect(done).toMatchObject({ status: 'completed', result: 'Backups run nightly (nothing found to the contrary).' });
    expect(done.tokens_used).toBeGreaterThan(0);
    const [first, second, repair] = llm.requests.map((r) => r.body.messages ?? []);
    expect(first?.[0]?.content).toContain('You look things up in memory for the owner, carefully.');
    expect(first?.[0]?.content).toContain('Tools you may propose: echo, date.');
    expect(first?.[1]?.content).toContain('find out when backups run');
    // The second planning call sees the first step and its observation (the memory service is down here).
    expect(second?.[1]?.content).toContain('Plans to search memory for \\"backup schedule\\"');
    expect(second?.[1]?.content).toMatch(/Runs without a card/);
    expect(repair?.at(-1)?.content).toMatch(/That reply was invalid/);
  });

  it('re-plans after a denial: the planner is told, and may take another way', async () => {
    llm.queue.length = 0;
    llm.queue.push(
      json({ action: 'execute_tool', tool_name: 'date', args: ['-u'], reason: 'to know the time' }),
      json({ action: 'query_memory', query: 'what time is it', reason: 'the person refused the clock' }),
      json({ action: 'finish', result: 'I could not read the clock; memory has nothing on it.' }),
    );
    const run = await start('finder', 'tell me the time');
    await expect.poll(async () => (await detail(run.run_id)).status, { timeout: 10_000 }).toBe('waiting_approval');
    const waiting = await detail(run.run_id);
    llm.requests.length = 0;
    ok(
      await orch.post(`/v1/actions/${waiting.pending_action_ids[0]}/deny`, { session_id: waiting.session_id }),
      AgentRunSummary.pick({}).passthrough(),
    );
    const done = await ended(run.run_id);
    expect(done.status).toBe('completed');
    expect(llm.requests[0]?.body.messages?.[1]?.content).toMatch(/denied the tool run date -u/);
    expect(done.steps.map((s) => s.kind)).toEqual([
      'plan',
      'action',
      'approval',
      'plan',
      'action',
      'approval',
      // The memory service is down here: the search fails, and the planner sees that too.
      'error',
      'plan',
      'end',
    ]);
  });

  it('stops a run over its token budget', async () => {
    llm.queue.length = 0;
    llm.fallback = () => json({ action: 'query_memory', query: 'again', reason: 'keep looking' });
    const done = await ended((await start('spender', 'look forever')).run_id);
    expect(done.status).toBe('failed');
    expect(done.reason).toMatch(/tokens of its budget of 400/);
    expect(done.steps_used).toBeLessThan(50);
  });

  it('stops a run over its money budget, counted at the configured price', async () => {
    llm.fallback = () => json({ action: 'query_memory', query: 'again', reason: 'keep looking' });
    const done = await ended((await start('pricey', 'look forever')).run_id);
    expect(done.status).toBe('failed');
    expect(done.reason).toMatch(/cost about \$0\.000\d+ of its budget of \$0\.0004/);
    // $2 per million tokens: $0.0004 is 200 tokens.
    expect(done.tokens_used).toBeGreaterThanOrEqual(200);
  });

  it('stops a looping run when its working time is used up', async () => {
    llm.fallback = () => ({
      delayMs: 300,
      content: JSON.stringify({ action: 'query_memory', query: 'slow', reason: '' }),
    });
    const t0 = Date.now();
    const done = await ended((await start('slow', 'look slowly forever')).run_id);
    expect(done.status).toBe('failed');
    expect(done.reason).toMatch(/used its 1 s of working time|took longer than/);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
