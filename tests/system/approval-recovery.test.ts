import path from 'node:path';
import { ChatResponse, SessionActionsResponse, SessionTurnsResponse } from '@pagi/contracts';
import { unary } from '@pagi/runtime';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restartToolsWithSleep, type SleepTools } from '../helpers/sleep-tools.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

let stack: Stack;
let tools: ToolExecutorServiceClient;
let toolsEnv: Record<string, string>;
let sleepTools: SleepTools;

const orch = () => stack.url('orchestrator');
const post = async (p: string, body: unknown) =>
  fetch(orch() + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function propose(session: string, message: string): Promise<string> {
  const turn = ChatResponse.parse(
    await (await post('/v1/chat', { message, session_id: session, twin_id: 'rec' })).json(),
  );
  expect(turn.status).toBe('awaiting_approval');
  return turn.issued_command!.action_id;
}

const actionOf = async (session: string) =>
  SessionActionsResponse.parse(await (await fetch(`${orch()}/v1/actions?session_id=${session}`)).json()).actions[0]!;
const lastTurn = async (session: string) =>
  SessionTurnsResponse.parse(await (await fetch(`${orch()}/v1/sessions/${session}/turns`)).json()).turns.at(-1)!;
const runState = async (runId: string) => (await unary(tools, 'GetRun', { run_id: runId })).state;
const executedRuns = (tool: string) => sleepTools.executed(tool);

/** Approves over SSE and lets the request run (the orchestrator is killed under it). */
function approveInBackground(id: string, session: string): void {
  void post(`/v1/actions/${id}/approve`, { session_id: session })
    .then((r) => r.text())
    .catch(() => undefined);
}

beforeAll(async () => {
  stack = await startStack({ services: ['tools', 'memory', 'orchestrator'] });
  // The default policy plus `sleep`, so a run can be caught in the middle.
  sleepTools = await restartToolsWithSleep(stack);
  tools = sleepTools.client;
  toolsEnv = sleepTools.env;
}, 120_000);

afterAll(async () => {
  tools?.close();
  await stack?.close();
});

describe('actions approved when the orchestrator stopped', () => {
  it('records the outcome of a run that finished meanwhile, and answers the turn, without running it again', async () => {
    const id = await propose('rec-done', 'run sleep 1.5');
    approveInBackground(id, 'rec-done');
    await until('the run to start', async () => ((await runState(id)) === 'running' ? true : undefined));
    expect(await stack.stop('orchestrator', 'SIGKILL')).toBe(null);
    await until('the run to finish', async () => ((await runState(id)) === 'finished' ? true : undefined));

    await stack.start('orchestrator');
    const action = await until('the action to be settled', async () => {
      const a = await actionOf('rec-done');
      return a.status === 'approved' ? undefined : a;
    });
    expect(action.status).toBe('executed');
    const turn = await lastTurn('rec-done');
    expect(turn.status).toBe('completed');
    expect(turn.response).toMatchObject({ actions_taken: ['execute_tool:sleep'], action_result: { exit_code: 0 } });
    expect(executedRuns('sleep').filter((e) => e.args[0] === '1.5')).toHaveLength(1);
    // Settled for good: a late decision is refused.
    expect((await post(`/v1/actions/${id}/approve`, { session_id: 'rec-done' })).status).toBe(409);
  }, 60_000);

  it('marks an approved action that never reached the tools service interrupted, and runs nothing', async () => {
    const id = await propose('rec-never', 'run echo never-ran');
    // The crash came between the decision and the call: the action is approved in the database, nothing ran.
    await stack.stop('orchestrator', 'SIGKILL');
    const db = new Database(path.join(stack.dataDir, 'state', 'orchestrator.sqlite'));
    db.prepare(`UPDATE pending_actions SET status = 'approved', decided_at = ? WHERE action_id = ?`).run(
      Date.now(),
      id,
    );
    db.close();

    await stack.start('orchestrator');
    const action = await until('the action to be settled', async () => {
      const a = await actionOf('rec-never');
      return a.status === 'approved' ? undefined : a;
    });
    expect(action.status).toBe('interrupted');
    const turn = await lastTurn('rec-never');
    expect(turn.status).toBe('failed');
    expect(turn.response.response).toMatch(/restarted before running `echo never-ran`; nothing was run/);
    expect(executedRuns('echo').filter((e) => e.args[0] === 'never-ran')).toEqual([]);
    expect(await runState(id)).toBe('unknown');
  }, 60_000);

  it('marks a run cut short by a restart of the tools service interrupted, and never starts it again', async () => {
    const id = await propose('rec-cut', 'run sleep 8');
    approveInBackground(id, 'rec-cut');
    await until('the run to start', async () => ((await runState(id)) === 'running' ? true : undefined));
    await stack.stop('orchestrator', 'SIGKILL');
    await stack.stop('tools', 'SIGKILL');
    await stack.start('tools', toolsEnv);
    expect(await runState(id)).toBe('interrupted');

    await stack.start('orchestrator');
    const action = await until('the action to be settled', async () => {
      const a = await actionOf('rec-cut');
      return a.status === 'approved' ? undefined : a;
    });
    expect(action.status).toBe('interrupted');
    expect((await lastTurn('rec-cut')).response.response).toMatch(/`sleep 8` was cut short by a restart/);
    expect(executedRuns('sleep').filter((e) => e.args[0] === '8')).toEqual([]);
  }, 60_000);
});
