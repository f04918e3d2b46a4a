// The orchestrator against the real memory and tools services (started as processes on ephemeral ports).

import { ChatResponse, MemoryQueryResponse, PlatformStatus, SessionActionsResponse } from '@pagi/contracts';
import { createClient, loadProto, unary } from '@pagi/runtime';
import type { MemoryServiceClient } from '@pagi/runtime/gen/memory/MemoryService.ts';
import { json, startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { type Stack, startStack } from '@pagi/tests/helpers/stack.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  chatBody,
  finalEvent,
  ok,
  readSse,
  refused,
  startTestOrchestrator,
  type TestOrchestrator,
} from './helpers.ts';

const MEMORIES = [
  {
    content: 'The incident response policy requires rotating all credentials within 24 hours of a suspected breach.',
    domain: 'soul',
    file: 'security-policy.md',
  },
  {
    content: 'Credentials for the staging cluster are stored in the vault under the ops team path.',
    domain: 'mind',
    file: 'staging-runbook.md',
  },
  { content: 'Alice prefers short answers and morning meetings.', domain: 'heart', file: 'preferences.md' },
];

describe('orchestrator with the real memory and tools services', () => {
  let stack: Stack;
  let orch: TestOrchestrator;
  let env: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ services: ['memory', 'tools'] });
    env = { MEMORY_GRPC_ADDR: stack.addresses.MEMORY_GRPC_ADDR!, TOOLS_GRPC_ADDR: stack.addresses.TOOLS_GRPC_ADDR! };
    const memory = createClient(
      loadProto('memory').memory.MemoryService,
      env.MEMORY_GRPC_ADDR!,
      TEST_SERVICE_TOKEN,
    ) as MemoryServiceClient;
    await unary(memory, 'CommitMemories', {
      memories: MEMORIES.map((m, i) => ({
        content: m.content,
        namespace: 'knowledge',
        twin_id: 'twin-1',
        domain: m.domain,
        memory_type: 'knowledge',
        source: { file: m.file, chunk_index: 0, content_hash: `h${i}` },
        metadata: { title: m.file.replace('.md', '') },
        key: `${m.file}#0`,
      })),
    });
    memory.close();
    orch = await startTestOrchestrator(env);
  }, 90_000);
  afterAll(async () => {
    await orch?.close();
    await stack?.close();
  });

  const approve = (id: string, session: string) => orch.post(`/v1/actions/${id}/approve`, { session_id: session });
  /** The id of the action a turn proposed. */
  const proposed = (answer: Answer) => {
    const res = ok(answer, ChatResponse);
    expect(res.status).toBe('awaiting_approval');
    return res.issued_command!.action_id;
  };
  /** The memory query result of an answer (fails the test when it has none). */
  const memoryResult = (res: ChatResponse) => {
    const result = res.action_result;
    if (result?.kind !== 'query_memory') throw new Error(`expected a memory query result: ${JSON.stringify(result)}`);
    return result;
  };

  it('an approved memory search answers with numbered citations and their sources', async () => {
    const chat = await orch.post('/v1/chat', chatBody('search my memory for rotating credentials', 'mem-ok'));
    const answer = await approve(proposed(chat), 'mem-ok');
    expect(answer.status).toBe(200);
    const res = ok(answer, ChatResponse);
    expect(res).toMatchObject({ status: 'completed', actions_taken: ['query_memory'] });
    const result = memoryResult(res);
    const results = result.results;
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.content).toContain('rotating all credentials');
    expect(res.response).toContain('[1] The incident response policy');
    expect(res.response).toMatch(/Sources:\n\[1\] security-policy \(soul\)/);
    const shares = Object.values(result.domain_attribution);
    expect(shares.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 3);
    const listed = ok(await orch.get('/v1/actions?session_id=mem-ok'), SessionActionsResponse);
    expect(listed.actions[0]?.status).toBe('executed');
  });

  it('POST /api/memory/query returns results with domain attribution', async () => {
    const answer = await orch.post('/api/memory/query', { query: 'credentials', top_k: 5 });
    expect(answer.status).toBe(200);
    const res = ok(answer, MemoryQueryResponse);
    expect(res.total).toBeGreaterThanOrEqual(2);
    const attribution = res.domain_attribution;
    expect(Object.keys(attribution)).toEqual(expect.arrayContaining(['soul', 'mind']));
    for (const d of Object.values(attribution)) {
      expect(d.count).toBeGreaterThan(0);
      expect(d.mean_score).toBeGreaterThanOrEqual(0);
      expect(d.mean_score).toBeLessThanOrEqual(1);
    }
    // Scores are absolute: the domains whose memories mention credentials score well, others need not.
    expect(attribution.soul!.mean_score).toBeGreaterThan(0.3);
    expect(attribution.mind!.mean_score).toBeGreaterThan(0.3);
    const bad = await orch.post('/api/memory/query', { query: '', domains: ['spleen'] });
    expect(refused(bad, 400).code).toBe('invalid_request');
  });

  it('POST /api/memory/query leaves out hits below the relevance floor', async () => {
    const all = ok(
      await orch.post('/api/memory/query', { query: 'credentials zebra', top_k: 10, min_score: 0 }),
      MemoryQueryResponse,
    );
    const floored = ok(
      await orch.post('/api/memory/query', { query: 'credentials zebra', top_k: 10 }),
      MemoryQueryResponse,
    );
    expect(all.results.some((h) => h.score < 0.1)).toBe(true);
    expect(floored.results.length).toBeGreaterThan(0);
    expect(floored.results.length).toBeLessThan(all.results.length);
    for (const h of floored.results) expect(h.score).toBeGreaterThanOrEqual(0.1);
    // Nothing stored shares a word or a meaning with this: nothing comes back, rather than the least bad memories.
    const nothing = ok(await orch.post('/api/memory/query', { query: 'zebra xylophone' }), MemoryQueryResponse);
    expect(nothing).toMatchObject({ results: [], total: 0 });
    const bad = await orch.post('/api/memory/query', { query: 'zebra', min_score: 2 });
    expect(refused(bad, 400).code).toBe('invalid_request');
  });

  it('GET /api/status includes the memory store backend and embedder', async () => {
    const res = ok(await orch.get('/api/status'), PlatformStatus);
    expect(res.memory).toMatchObject({ reachable: true, store_backend: 'embedded' });
    expect(res.memory.embedder).toMatch(/\w/);
    expect(res.llm).toEqual({ provider: 'mock', model: 'mock', configured: false });
  });

  it('an approved tool run streams its result and answer over SSE', async () => {
    const chat = await orch.post('/v1/chat', chatBody('run echo hello "sandboxed world"', 'tool-ok'));
    const res = await fetch(`${orch.url}/v1/actions/${proposed(chat)}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ session_id: 'tool-ok' }),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readSse(res);
    for (const e of events) expect(e).toMatchObject({ session_id: 'tool-ok' });
    const result = events.find((e) => e.type === 'action_result');
    expect(result?.action.status).toBe('executed');
    expect(result?.result).toMatchObject({ kind: 'execute_tool', output: 'hello sandboxed world\n', exit_code: 0 });
    const tokens = events.flatMap((e) => (e.type === 'response' && !e.done ? [e.token] : []));
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens).not.toContain(undefined);
    const done = finalEvent(events);
    expect(done).toMatchObject({ status: 'completed', actions_taken: ['execute_tool:echo'] });
    // The output is shown once, in the result: the answer says how the run went instead of repeating it.
    expect(done.message).toBe(
      "`echo hello 'sandboxed world'` finished successfully. It printed 1 line, shown in the result above.",
    );
    expect(tokens.join('')).toBe(done.message);
  });

  it('a service that is down ends the turn with a clear error; it works again when the service returns', async () => {
    await stack.stop('memory');
    const chat = await orch.post('/v1/chat', chatBody('search my memory for credentials', 'down'));
    const failedAnswer = await approve(proposed(chat), 'down');
    expect(failedAnswer.status).toBe(200);
    const failed = ok(failedAnswer, ChatResponse);
    expect(failed.status).toBe('failed');
    expect(failed.response).toMatch(/memory service is unreachable/);
    const direct = await orch.post('/api/memory/query', { query: 'credentials' });
    expect(refused(direct, 503).code).toBe('memory_unavailable');
    expect(ok(await orch.get('/api/status'), PlatformStatus).memory.reachable).toBe(false);

    await stack.start('memory');
    const again = await orch.post('/v1/chat', chatBody('search my memory for credentials', 'down'));
    const back = ok(await approve(proposed(again), 'down'), ChatResponse);
    expect(back.status).toBe('completed');
    expect(memoryResult(back).results.length).toBeGreaterThan(0);
  }, 60_000);

  it('the tools service down and back', async () => {
    await stack.stop('tools');
    const chat = await orch.post('/v1/chat', chatBody('run echo hi', 'tools-down'));
    const failed = ok(await approve(proposed(chat), 'tools-down'), ChatResponse);
    expect(failed).toMatchObject({
      status: 'failed',
      response: expect.stringMatching(/tools service is unreachable/),
    });
    await stack.start('tools');
    const again = await orch.post('/v1/chat', chatBody('run echo back', 'tools-down'));
    const back = ok(await approve(proposed(again), 'tools-down'), ChatResponse);
    expect(back.action_result).toMatchObject({ kind: 'execute_tool', output: 'back\n' });
  }, 60_000);

  it('a pending action survives a restart and is executed when approved afterwards', async () => {
    const chat = await orch.post('/v1/chat', chatBody('run echo after restart', 'restart-run'));
    const id = proposed(chat);
    await orch.close({ keepData: true });
    orch = await startTestOrchestrator(env, orch.dataDir);
    const res = ok(await approve(id, 'restart-run'), ChatResponse);
    expect(res.status).toBe('completed');
    expect(res.action_result).toMatchObject({ kind: 'execute_tool', output: 'after restart\n' });
    expect((await approve(id, 'restart-run')).status).toBe(409);
  });

  it('BYPASS_HITL_TOOL_EXEC runs tools without approval and audits it', async () => {
    const bypass = await startTestOrchestrator({ ...env, BYPASS_HITL_TOOL_EXEC: 'true' });
    try {
      const res = ok(await bypass.post('/v1/chat', chatBody('run echo unattended', 'bypass')), ChatResponse);
      expect(res).toMatchObject({ status: 'completed', actions_taken: ['execute_tool:echo'] });
      expect(res.action_result).toMatchObject({ kind: 'execute_tool', output: 'unattended\n' });
      // Memory is not bypassed: it still waits for approval.
      const mem = ok(await bypass.post('/v1/chat', chatBody('search my memory for vault', 'bypass')), ChatResponse);
      expect(mem.status).toBe('awaiting_approval');
      const listed = ok(await bypass.get('/v1/actions?session_id=bypass'), SessionActionsResponse);
      expect(listed.audit.map((e) => [e.event, e.actor])).toContainEqual(['action.bypassed', 'bypass']);
      expect(ok(await bypass.get('/api/status'), PlatformStatus).hitl_bypass).toEqual({ tools: true, memory: false });
    } finally {
      await bypass.close();
    }
  });

  it('with an LLM, the final answer after a memory search comes from the model and keeps the sources', async () => {
    const llm = await startFakeLlm();
    const withLlm = await startTestOrchestrator({
      ...env,
      LLM_PROVIDER: 'openrouter',
      OPENROUTER_API_KEY: 'k',
      OPENROUTER_URL: llm.url,
    });
    try {
      llm.queue.push(json({ action: 'query_memory', query: 'credential rotation', top_k: 2 }));
      const chat = await withLlm.post('/v1/chat', chatBody('how fast must we rotate credentials?', 'llm-cite'));
      llm.queue.push(json({ action: 'respond', message: 'Within 24 hours of a suspected breach [1].' }));
      const res = ok(
        await withLlm.post(`/v1/actions/${proposed(chat)}/approve`, { session_id: 'llm-cite' }),
        ChatResponse,
      );
      expect(res.response).toMatch(/^Within 24 hours of a suspected breach \[1\]\.\n\nSources:\n\[1\] /);
      expect(res.planner).toMatchObject({ provider: 'openrouter', fallback: false });
      const finalPrompt = llm.requests.at(-1)!.body.messages?.at(-1)?.content;
      expect(finalPrompt).toContain('[1] (source: security-policy');
    } finally {
      await withLlm.close();
      await llm.close();
    }
  });

  it('refuses, with the reason and no approval card, a tool run that could never run', async () => {
    const cases: [string, RegExp][] = [
      ['run no-such-tool-here --flag', /unknown tool no-such-tool-here/],
      ['run rm -rf /', /rm is a restricted/],
      ['run ../../bin/sh -c id', /tool_name: /],
      [`run echo ${'x'.repeat(9000)}`, /at most 8192 bytes/],
      ['run echo nul\u0000byte', /NUL/],
    ];
    for (const [message, reason] of cases) {
      const turn = ok(await orch.post('/v1/chat', chatBody(message, 'unrunnable')), ChatResponse);
      expect(turn.status).toBe('completed');
      expect(turn.issued_command).toBeUndefined();
      expect(turn.response).toMatch(/^I can't run `/);
      expect(turn.response).toMatch(reason);
    }
    const listed = ok(await orch.get('/v1/actions?session_id=unrunnable'), SessionActionsResponse);
    expect(listed.actions).toEqual([]);
    expect(listed.audit.filter((e) => e.event === 'action.unrunnable')).toHaveLength(cases.length);
    // What can run still gets its card.
    const runnable = ok(await orch.post('/v1/chat', chatBody('run echo fine', 'unrunnable')), ChatResponse);
    expect(runnable.status).toBe('awaiting_approval');
  });
});
