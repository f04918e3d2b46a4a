// The orchestrator as `make run-dev` starts it (src/main.ts), with the real memory and tools services.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
type Json = any;

describe('chat through the orchestrator process', () => {
  let stack: Stack;
  let url: string;
  const post = async (p: string, body: unknown) => {
    const res = await fetch(url + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    stack = await startStack({ services: ['memory', 'tools', 'orchestrator'] });
    url = stack.url('orchestrator');
  }, 90_000);
  afterAll(() => stack?.close());

  it('answers, asks for approval, runs the tool once, and keeps the history', async () => {
    const hello = await post('/v1/chat', { message: 'hello', twin_id: 'twin-sys', session_id: 'sys-1' });
    expect(hello.body).toMatchObject({ status: 'completed', planner: { provider: 'mock' } });

    const proposed = await post('/v1/chat', {
      message: 'run echo from the stack',
      twin_id: 'twin-sys',
      session_id: 'sys-1',
    });
    const id = proposed.body.issued_command.action_id;
    const approved = await post(`/v1/actions/${id}/approve`, { session_id: 'sys-1' });
    expect(approved.body.action_result).toMatchObject({ output: 'from the stack\n', exit_code: 0 });
    expect((await post(`/v1/actions/${id}/approve`, { session_id: 'sys-1' })).status).toBe(409);

    const turns = (await (await fetch(`${url}/v1/sessions/sys-1/turns`)).json()) as Json;
    expect(turns.turns.map((t: { status: string }) => t.status)).toEqual(['completed', 'completed']);
  });

  it('serves status, knowledge routes and metrics on the same HTTP port', async () => {
    const status = (await (await fetch(`${url}/api/status`)).json()) as Json;
    expect(status.memory.reachable).toBe(true);
    expect((await fetch(`${url}/api/knowledge/ingest/status`)).status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('orchestrator_chat_turns_total');
    expect(metrics).toContain('orchestrator_hitl_decisions_total{decision="approved"');
    expect(metrics).toContain('orchestrator_tool_runs_total{outcome="ok"');
  });

  it('announces finished and failed ingestions in the activity feed', async () => {
    writeFileSync(
      path.join(stack.dataDir, 'ingest', 'incident-review.md'),
      '# Incident review\n\nThe access control audit found two admin accounts without MFA; policy now requires it.\n',
    );
    writeFileSync(path.join(stack.dataDir, 'ingest', 'blob.txt'), Buffer.from([0, 1, 2, 0, 255, 0]));
    const deadline = Date.now() + 20_000;
    let summaries: string[] = [];
    while (Date.now() < deadline) {
      const body = (await (await fetch(`${url}/api/activity`)).json()) as Json;
      summaries = body.events.filter((e: Json) => e.kind === 'ingestion').map((e: Json) => e.summary);
      const done = summaries.some((m) => m.startsWith('Incident review classified'));
      if (done && summaries.some((m) => m.startsWith('blob.txt'))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(summaries.some((m) => /Incident review classified as [A-Z]+ \(\d+% confidence\)/.test(m))).toBe(true);
    expect(summaries.some((m) => m.startsWith('blob.txt could not be ingested'))).toBe(true);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await stack.stop('orchestrator')).toBe(0);
  });
});
