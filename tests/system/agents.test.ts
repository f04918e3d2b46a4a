// Agents on the real stack (orchestrator, memory, and the tools service running bubblewrap), driven by the offline
// planner: a two-step run with approvals reaches its goal; a denied step stops it with the reason; a sub-agent's
// result reaches its parent; max_steps and the step timeout stop a looping or stuck agent; a kill -9 of the
// orchestrator mid-run is resumed (or marked interrupted) with no step run twice; a finished run becomes a playbook
// that runs again, with parameters.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentDecisionResponse, AgentRunDetail, AgentRunSummary, Playbook } from '@pagi/contracts';
import { unary } from '@pagi/runtime';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restartToolsWithSleep, type SleepTools } from '../helpers/sleep-tools.ts';
import { REPO_ROOT, type Stack, startStack } from '../helpers/stack.ts';

let stack: Stack;
let tools: ToolExecutorServiceClient;
let sleepTools: SleepTools;
let orchEnv: Record<string, string>;

const orch = () => stack.url('orchestrator');
async function call<T>(method: string, p: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(orch() + p, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
const start = async (template: string, goal: string) =>
  AgentRunSummary.parse((await call('POST', '/api/agents/runs', { template, goal })).body);
const detail = async (id: string) => AgentRunDetail.parse((await call('GET', `/api/agents/runs/${id}`)).body);

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const waiting = (id: string) =>
  until(`run ${id} to wait for approval`, async () => {
    const d = await detail(id);
    return d.status === 'waiting_approval' && d.pending_actions.length ? d : undefined;
  });
const ended = (id: string) =>
  until(`run ${id} to end`, async () => ((await detail(id)).ended_at ? detail(id) : undefined));
async function decide(run: AgentRunDetail, decision: 'approve' | 'deny') {
  const action = run.pending_actions[0]!;
  const res = await call('POST', `/v1/actions/${action.action_id}/${decision}`, { session_id: run.session_id });
  return AgentDecisionResponse.parse(res.body);
}
/** Approves each card of the run as it comes, until the run ends. */
async function approveAll(id: string): Promise<AgentRunDetail> {
  for (;;) {
    const d = await until(`run ${id} to wait or end`, async () => {
      const r = await detail(id);
      return r.ended_at || (r.status === 'waiting_approval' && r.pending_actions.length) ? r : undefined;
    });
    if (d.ended_at) return d;
    await decide(d, 'approve');
  }
}
const executed = (tool: string, arg?: string) => sleepTools.executed(tool, arg);

beforeAll(async () => {
  stack = await startStack({ services: ['tools', 'memory'] });
  // The shipped templates, plus three made for these tests.
  const agents = path.join(stack.dataDir, 'agents');
  mkdirSync(agents);
  for (const f of readdirSync(path.join(REPO_ROOT, 'config/agents')))
    copyFileSync(path.join(REPO_ROOT, 'config/agents', f), path.join(agents, f));
  const template = (name: string, extra: string) =>
    writeFileSync(
      path.join(agents, `${name}.yaml`),
      `name: ${name}\ndescription: Test agent\nrole: Runs the steps the owner names, one at a time.\n${extra}`,
    );
  template('sleeper', 'tools: [sleep, echo]\n');
  template('hasty', 'tools: [sleep]\nstep_timeout_s: 1\n');
  template('looper', 'tools: [echo]\nmax_steps: 3\n');
  sleepTools = await restartToolsWithSleep(stack);
  tools = sleepTools.client;
  orchEnv = { AGENTS_DIR: agents };
  await stack.start('orchestrator', orchEnv);
}, 120_000);

afterAll(async () => {
  tools?.close();
  await stack?.close();
});

describe('agent runs on the real stack', () => {
  let hostCheck: AgentRunDetail;

  it('reaches the goal of a two-step run, each step approved and run once in the sandbox', async () => {
    const run = await start('ops-diagnostician', 'run uname -s then run nproc');
    const first = await waiting(run.run_id);
    expect(first.pending_actions[0]!.args).toMatchObject({ tool_name: 'uname', args: ['-s'] });
    hostCheck = await approveAll(run.run_id);
    expect(hostCheck.status).toBe('completed');
    expect(hostCheck.result).toMatch(/`uname -s` exited 0: Linux/);
    expect(hostCheck.result).toMatch(/`nproc` exited 0: \d+/);
    expect(hostCheck.steps_used).toBe(3);
    expect(executed('uname', '-s')).toHaveLength(1);
    expect(executed('nproc')).toHaveLength(1);
  }, 60_000);

  it('stops with the reason when a step is denied, and runs nothing', async () => {
    const run = await waiting((await start('ops-diagnostician', 'run uname -r then run nproc')).run_id);
    await decide(run, 'deny');
    const done = await ended(run.run_id);
    expect(done.status).toBe('failed');
    expect(done.reason).toMatch(/denied the tool run uname -r\. I cannot reach the goal without it/);
    expect(executed('uname', '-r')).toEqual([]);
  }, 30_000);

  it("gives a sub-agent's result to its parent, which then goes on", async () => {
    const run = await start('ops-diagnostician', 'ask researcher to search my memory for backups then run uname -m');
    const parent = await until('the sub-agent', async () =>
      (await detail(run.run_id)).children.length ? detail(run.run_id) : undefined,
    );
    expect(parent.status).toBe('waiting_children');
    const child = await approveAll(parent.children[0]!);
    expect(child).toMatchObject({ status: 'completed', parent_run_id: run.run_id, template: 'researcher' });
    const done = await approveAll(run.run_id);
    expect(done.status).toBe('completed');
    expect(done.steps.find((s) => s.kind === 'child_result')?.text).toMatch(
      /The researcher agent finished: .*memories for "backups"/s,
    );
    expect(done.result).toMatch(/`uname -m` exited 0/);
  }, 60_000);

  it('stops a looping agent at max_steps and a stuck step at its timeout', async () => {
    const loop = await approveAll((await start('looper', 'repeat: run echo loop')).run_id);
    expect(loop).toMatchObject({ status: 'failed', steps_used: 3 });
    expect(loop.reason).toMatch(/after 3 steps without reaching the goal/);

    const t0 = Date.now();
    const stuck = await approveAll((await start('hasty', 'run sleep 5')).run_id);
    expect(stuck.status).toBe('failed');
    expect(stuck.reason).toMatch(/took longer than 1 s/);
    // The program itself is stopped with the run: killed in the sandbox, not left to sleep its five seconds.
    const sleepId = stuck.steps.find((s) => s.kind === 'action')!.action_id!;
    const run = await until('the sleep to be stopped', async () => {
      const r = await unary(tools, 'GetRun', { run_id: sleepId });
      return r.state === 'finished' ? r : undefined;
    });
    expect(run.result?.signal).toBe('SIGKILL');
    expect(Date.now() - t0).toBeLessThan(4_500);
    expect(await unary(tools, 'StopRun', { run_id: sleepId })).toEqual({ stopped: false, state: 'finished' });
    expect(await unary(tools, 'StopRun', { run_id: 'never-started' })).toEqual({ stopped: false, state: 'unknown' });
  }, 60_000);

  it('resumes a run after kill -9 of the orchestrator mid-step, running no step twice', async () => {
    const run = await waiting((await start('sleeper', 'run sleep 1.5 then run echo resumed')).run_id);
    const actionId = run.pending_actions[0]!.action_id;
    await decide(run, 'approve');
    await until(
      'the sleep to start',
      async () => (await unary(tools, 'GetRun', { run_id: actionId })).state === 'running',
    );
    expect(await stack.stop('orchestrator', 'SIGKILL')).toBe(null);
    await until(
      'the sleep to finish',
      async () => (await unary(tools, 'GetRun', { run_id: actionId })).state === 'finished',
    );
    await stack.start('orchestrator', orchEnv);

    const next = await waiting(run.run_id);
    expect(next.steps.find((s) => s.kind === 'observation')?.text).toMatch(/`sleep 1.5` exited 0/);
    expect(next.pending_actions[0]!.args).toMatchObject({ tool_name: 'echo', args: ['resumed'] });
    const done = await approveAll(run.run_id);
    expect(done.status).toBe('completed');
    expect(executed('sleep', '1.5')).toHaveLength(1);
    expect(executed('echo', 'resumed')).toHaveLength(1);
  }, 90_000);

  it('marks a run interrupted when its approved step never reached the tools service', async () => {
    const run = await waiting((await start('sleeper', 'run echo never-ran then run echo nor-this')).run_id);
    await stack.stop('orchestrator', 'SIGKILL');
    const db = new Database(path.join(stack.dataDir, 'state', 'orchestrator.sqlite'));
    db.prepare(`UPDATE pending_actions SET status = 'approved', decided_at = ? WHERE action_id = ?`).run(
      Date.now(),
      run.pending_actions[0]!.action_id,
    );
    db.prepare(`UPDATE agent_runs SET status = 'running' WHERE run_id = ?`).run(run.run_id);
    db.close();
    await stack.start('orchestrator', orchEnv);
    const done = await ended(run.run_id);
    expect(done.status).toBe('interrupted');
    expect(done.reason).toMatch(/restarted before running `echo never-ran`; nothing was run/);
    expect(executed('echo', 'never-ran')).toEqual([]);
    expect(executed('echo', 'nor-this')).toEqual([]);
  }, 60_000);

  it('saves a finished run as a versioned playbook and runs it again with a parameter', async () => {
    const saved = await call<unknown>('POST', `/api/agents/runs/${hostCheck.run_id}/playbook`, {
      name: 'host-check',
      params: { flag: '-s' },
    });
    expect(saved.status).toBe(201);
    const playbook = Playbook.parse(saved.body);
    expect(playbook).toMatchObject({
      version: 1,
      template: 'ops-diagnostician',
      goal: 'run uname {{flag}} then run nproc',
      params: [{ name: 'flag', default: '-s' }],
      written_by: 'extracted',
      steps: [
        { kind: 'execute_tool', tool_name: 'uname', args: ['{{flag}}'], pre_approved: false },
        { kind: 'execute_tool', tool_name: 'nproc', args: [], pre_approved: false },
      ],
    });
    const file = path.join(stack.dataDir, 'playbooks', 'host-check.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(/name: host-check/);

    const again = AgentRunSummary.parse(
      (await call('POST', '/api/agents/playbooks/host-check/run', { params: { flag: '-m' } })).body,
    );
    expect(again).toMatchObject({ source: 'playbook', playbook: 'host-check@v1', goal: 'run uname -m then run nproc' });
    const first = await waiting(again.run_id);
    expect(first.pending_actions[0]!.args).toMatchObject({ tool_name: 'uname', args: ['-m'] });
    expect((await approveAll(again.run_id)).status).toBe('completed');

    // Saved again: version 2, the first kept under .history/.
    const v2 = Playbook.parse(
      (await call('POST', `/api/agents/runs/${hostCheck.run_id}/playbook`, { name: 'host-check' })).body,
    );
    expect(v2.version).toBe(2);
    expect(
      readdirSync(path.join(stack.dataDir, 'playbooks', '.history')).some((f) => f.startsWith('host-check.v1.')),
    ).toBe(true);
    expect((await call('POST', '/api/agents/playbooks/host-check/run', { params: { nope: 'x' } })).status).toBe(400);
    expect((await call('DELETE', '/api/agents/playbooks/host-check')).status).toBe(204);
    expect(existsSync(file)).toBe(false);
    expect(
      (
        await call('POST', `/api/agents/runs/${hostCheck.run_id}/playbook`, {
          name: 'x',
          params: { p: 'absent-value' },
        })
      ).status,
    ).toBe(400);
  }, 60_000);

  it('runs a step the owner pre-approved in the file without a card, and only an exact step may be', async () => {
    const dir = path.join(stack.dataDir, 'playbooks');
    writeFileSync(
      path.join(dir, 'pre.yaml'),
      [
        'name: pre',
        'description: One step runs by itself, the next asks',
        'template: sleeper',
        'goal: run echo pre-approved then run echo needs-card',
        'steps:',
        '  - { kind: execute_tool, tool_name: echo, args: [pre-approved], pre_approved: true }',
        '  - { kind: execute_tool, tool_name: echo, args: [needs-card] }',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'loose.yaml'),
      'name: loose\ndescription: x\ntemplate: sleeper\ngoal: run echo {{word}}\nparams: [{ name: word }]\nsteps:\n  - { kind: execute_tool, tool_name: echo, args: ["{{word}}"], pre_approved: true }\n',
    );
    const list = (
      await call<{ playbooks: { name: string }[]; errors: { file: string; message: string }[] }>(
        'GET',
        '/api/agents/playbooks',
      )
    ).body;
    expect(list.playbooks.map((p) => p.name)).toContain('pre');
    expect(list.errors).toEqual([
      {
        file: path.join(dir, 'loose.yaml'),
        message: expect.stringMatching(/a step with parameters cannot be pre-approved/),
      },
    ]);

    const run = AgentRunSummary.parse((await call('POST', '/api/agents/playbooks/pre/run', {})).body);
    const next = await waiting(run.run_id);
    expect(next.pending_actions[0]!.args).toMatchObject({ args: ['needs-card'] });
    expect(next.steps.find((s) => s.kind === 'approval')).toMatchObject({ outcome: 'pre_approved' });
    expect(next.steps.find((s) => s.kind === 'observation')?.text).toMatch(/`echo pre-approved` exited 0/);
    expect(executed('echo', 'pre-approved')).toHaveLength(1);
    expect(executed('echo', 'needs-card')).toEqual([]);
  }, 30_000);
});
