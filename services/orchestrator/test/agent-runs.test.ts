// Agent runs on a running orchestrator, driven by the offline planner: a run waits for approvals without using steps,
// a denial stops it with the reason, a sub-agent's result reaches its parent, max_steps and stop end a run, and each
// person sees only their own runs. (With the real memory and tools services: tests/system/agents.test.ts.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AgentDecisionResponse, AgentEvent, AgentRunDetail, AgentRunSummary } from '@pagi/contracts';
import { openSse } from '@pagi/tests/helpers/sse-client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, refused, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pagi-agent-runs-'));
let orch: TestOrchestrator;

const start = async (template: string, goal: string, extra: Record<string, unknown> = {}) =>
  ok(await orch.post('/api/agents/runs', { template, goal, ...extra }), AgentRunSummary);
const detail = async (id: string) => ok(await orch.get(`/api/agents/runs/${id}`), AgentRunDetail);
const settled = async (id: string, status: string) => {
  await expect.poll(async () => (await detail(id)).status, { timeout: 10_000, interval: 50 }).toBe(status);
  return detail(id);
};
const decide = async (run: { session_id: string; pending_action_ids: string[] }, decision: 'approve' | 'deny') =>
  ok(
    await orch.post(`/v1/actions/${run.pending_action_ids[0]}/${decision}`, { session_id: run.session_id }),
    AgentDecisionResponse,
  );

beforeAll(async () => {
  writeFileSync(
    path.join(dir, 'helper.yaml'),
    'name: helper\ndescription: Helps\nrole: Helps the owner with small tasks, one at a time.\ntools: [echo]\nmax_steps: 3\n',
  );
  writeFileSync(
    path.join(dir, 'boss.yaml'),
    'name: boss\ndescription: Delegates\nrole: Splits a goal and hands parts to other agents.\nmax_steps: 5\n',
  );
  orch = await startTestOrchestrator({ AGENTS_DIR: dir });
});
afterAll(() => orch?.close());

describe('agent runs', () => {
  it('waits for approval without using steps, and a denial stops the run with the reason', async () => {
    const run = await start('helper', 'run echo one then run echo two');
    const waiting = await settled(run.run_id, 'waiting_approval');
    expect(waiting.steps_used).toBe(1);
    expect(waiting.pending_actions[0]).toMatchObject({
      kind: 'execute_tool',
      args: { tool_name: 'echo', args: ['one'] },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await detail(run.run_id)).steps_used).toBe(1);

    const answer = await decide(waiting, 'deny');
    expect(answer).toMatchObject({ run_id: run.run_id, action: { status: 'denied' } });
    const ended = await settled(run.run_id, 'failed');
    expect(ended.reason).toMatch(/denied the tool run echo one/);
    expect(ended.steps.map((s) => s.kind)).toEqual(['plan', 'action', 'approval', 'plan', 'end']);
    // The card is spent: a second decision is refused.
    expect(
      refused(
        await orch.post(`/v1/actions/${waiting.pending_action_ids[0]}/approve`, { session_id: run.session_id }),
        409,
      ).code,
    ).toBe('already_decided');
  });

  it('stops a looping agent at max_steps', async () => {
    const run = await start('helper', 'repeat: run echo again');
    let current = await settled(run.run_id, 'waiting_approval');
    for (let i = 0; i < 3; i++) {
      await decide(current, 'approve');
      current = await expect
        .poll(async () => detail(run.run_id), { timeout: 10_000, interval: 50 })
        .toSatisfy(
          (d: AgentRunDetail) =>
            d.status === 'failed' ||
            (d.status === 'waiting_approval' && d.pending_action_ids.length > 0 && d.steps_used === i + 2),
        )
        .then(() => detail(run.run_id));
    }
    expect(current.status).toBe('failed');
    expect(current.reason).toMatch(/after 3 steps/);
  });

  it('gives the result of a sub-agent to its parent, and refuses what the rules forbid', async () => {
    const run = await start(
      'boss',
      'ask helper to search my memory for nothing in particular then ask nobody to do anything',
    );
    const parent = await expect
      .poll(async () => detail(run.run_id), { timeout: 10_000 })
      .toSatisfy((d: AgentRunDetail) => d.children.length === 1)
      .then(() => detail(run.run_id));
    const child = await settled(parent.children[0]!, 'waiting_approval');
    expect(child).toMatchObject({
      parent_run_id: run.run_id,
      root_run_id: run.run_id,
      depth: 1,
      session_id: run.session_id,
    });
    // The search is not in the helper's tools, but it may search memory; the memory service is down here.
    await decide(child, 'approve');
    await settled(child.run_id, 'completed');
    const done = await settled(run.run_id, 'completed');
    expect(done.steps.find((s) => s.kind === 'child_result')?.text).toMatch(/helper agent finished/);
    expect(done.steps.some((s) => s.kind === 'error' && /no agent template named "nobody"/.test(s.text))).toBe(true);
  });

  it('stops a run and its sub-agents, withdrawing their cards', async () => {
    const run = await start('boss', 'ask helper to run echo waiting');
    const parent = await expect
      .poll(async () => detail(run.run_id), { timeout: 10_000 })
      .toSatisfy((d: AgentRunDetail) => d.children.length === 1)
      .then(() => detail(run.run_id));
    const child = await settled(parent.children[0]!, 'waiting_approval');
    ok(await orch.post(`/api/agents/runs/${run.run_id}/stop`, {}), AgentRunSummary);
    expect((await detail(run.run_id)).status).toBe('stopped');
    expect((await detail(child.run_id)).status).toBe('stopped');
    expect(
      refused(
        await orch.post(`/v1/actions/${child.pending_action_ids[0]}/approve`, { session_id: run.session_id }),
        409,
      ).code,
    ).toBe('already_decided');
    expect(refused(await orch.post(`/api/agents/runs/${run.run_id}/stop`, {}), 409).code).toBe('failed_precondition');
  });

  it('streams each run change and stored step as Server-Sent Events', async () => {
    const sse = await openSse(`${orch.url}/api/agents/events`);
    try {
      const run = await start('helper', 'run echo streamed');
      await settled(run.run_id, 'waiting_approval');
      await sse.waitFor(4);
      const events = sse.events.map((e) => AgentEvent.parse(e));
      const mine = events.filter((e) => (e.type === 'run' ? e.run.run_id : e.run_id) === run.run_id);
      expect(mine.filter((e) => e.type === 'step').map((e) => e.type === 'step' && e.step.kind)).toEqual([
        'plan',
        'action',
      ]);
      expect(
        mine.some(
          (e) => e.type === 'run' && e.run.status === 'waiting_approval' && e.run.pending_action_ids.length === 1,
        ),
      ).toBe(true);
    } finally {
      sse.close();
    }
  });

  it('refuses an unknown template, a bad goal and a run of nobody', async () => {
    expect(refused(await orch.post('/api/agents/runs', { template: 'ghost', goal: 'x' }), 404).code).toBe('not_found');
    expect(refused(await orch.post('/api/agents/runs', { template: 'helper', goal: '' }), 400).code).toBe(
      'invalid_request',
    );
    expect(refused(await orch.post('/api/agents/runs', { template: 'helper', goal: 'x'.repeat(4001) }), 400).code).toBe(
      'invalid_request',
    );
    expect(refused(await orch.get('/api/agents/runs/run_doesnotexist'), 404).code).toBe('not_found');
  });
});
