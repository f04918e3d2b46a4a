// The orchestrator against the real memory and tools services (started as processes on ephemeral ports).
import { createClient, loadProto, unary } from '@pagi/kit';
import type { MemoryServiceClient } from '@pagi/kit/gen/memory/MemoryService.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../../../tests/helpers/stack.ts';
import { json, startFakeLlm } from './fake-llm.ts';
import { chatBody, readSse, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

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
    const memory = createClient(loadProto('memory').memory.MemoryService, env.MEMORY_GRPC_ADDR!) as MemoryServiceClient;
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

  it('an approved memory search answers with numbered citations and their sources', async () => {
    const chat = await orch.post('/v1/chat', chatBody('search my memory for rotating credentials', 'mem-ok'));
    expect(chat.body.status).toBe('awaiting_approval');
    const res = await approve(chat.body.issued_command.action_id, 'mem-ok');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'completed', actions_taken: ['query_memory'] });
    const results = res.body.action_result.results;
    expect(results.length).toBeGreaterThan(0);
    expect(results[0].content).toContain('rotating all credentials');
    expect(res.body.response).toContain('[1] The incident response policy');
    expect(res.body.response).toMatch(/Sources:\n\[1\] security-policy \(soul\)/);
    const shares = Object.values(res.body.action_result.domain_attribution) as { share: number }[];
    expect(shares.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 3);
    const listed = await orch.get('/v1/actions?session_id=mem-ok');
    expect(listed.body.actions[0].status).toBe('executed');
  });

  it('POST /api/memory/query returns results with domain attribution', async () => {
    const res = await orch.post('/api/memory/query', { query: 'credentials', top_k: 5 });
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    const attribution = res.body.domain_attribution;
    expect(Object.keys(attribution)).toEqual(expect.arrayContaining(['soul', 'mind']));
    for (const d of Object.values(attribution) as { share: number; mean_score: number; count: number }[]) {
      expect(d.count).toBeGreaterThan(0);
      expect(d.mean_score).toBeGreaterThan(0);
    }
    const bad = await orch.post('/api/memory/query', { query: '', domains: ['spleen'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
  });

  it('GET /api/status includes the memory store backend and embedder', async () => {
    const res = await orch.get('/api/status');
    expect(res.body.memory).toMatchObject({ reachable: true, store_backend: 'embedded' });
    expect(res.body.memory.embedder).toMatch(/\w/);
    expect(res.body.llm).toEqual({ provider: 'mock', model: 'mock', configured: false });
  });

  it('an approved tool run streams its result and answer over SSE', async () => {
    const chat = await orch.post('/v1/chat', chatBody('run echo hello "sandboxed world"', 'tool-ok'));
    const res = await fetch(`${orch.url}/v1/actions/${chat.body.issued_command.action_id}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ session_id: 'tool-ok' }),
    });
    const events = await readSse(res);
    const result = events.find((e) => e.type === 'action_result');
    expect(result.action.status).toBe('executed');
    expect(result.result).toMatchObject({ kind: 'execute_tool', output: 'hello sandboxed world\n', exit_code: 0 });
    const done = events.at(-1);
    expect(done.type).toBe('done');
    expect(done.response).toMatchObject({ status: 'completed', actions_taken: ['execute_tool:echo'] });
    expect(done.response.response).toContain('hello sandboxed world');
  });

  it('a service that is down ends the turn with a clear error; it works again when the service returns', async () => {
    await stack.stop('memory');
    const chat = await orch.post('/v1/chat', chatBody('search my memory for credentials', 'down'));
    const failed = await approve(chat.body.issued_command.action_id, 'down');
    expect(failed.status).toBe(200);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.response).toMatch(/memory service is unreachable/);
    const direct = await orch.post('/api/memory/query', { query: 'credentials' });
    expect(direct.status).toBe(503);
    expect(direct.body.error.code).toBe('memory_unavailable');
    expect((await orch.get('/api/status')).body.memory.reachable).toBe(false);

    await stack.start('memory');
    const again = await orch.post('/v1/chat', chatBody('search my memory for credentials', 'down'));
    const ok = await approve(again.body.issued_command.action_id, 'down');
    expect(ok.body.status).toBe('completed');
    expect(ok.body.action_result.results.length).toBeGreaterThan(0);
  }, 60_000);

  it('the tools service down and back', async () => {
    await stack.stop('tools');
    const chat = await orch.post('/v1/chat', chatBody('run echo hi', 'tools-down'));
    const failed = await approve(chat.body.issued_command.action_id, 'tools-down');
    expect(failed.body).toMatchObject({
      status: 'failed',
      response: expect.stringMatching(/tools service is unreachable/),
    });
    await stack.start('tools');
    const again = await orch.post('/v1/chat', chatBody('run echo back', 'tools-down'));
    const ok = await approve(again.body.issued_command.action_id, 'tools-down');
    expect(ok.body.action_result.output).toBe('back\n');
  }, 60_000);

  it('a pending action survives a restart and is executed when approved afterwards', async () => {
    const chat = await orch.post('/v1/chat', chatBody('run echo after restart', 'restart-run'));
    const id = chat.body.issued_command.action_id;
    await orch.close({ keepData: true });
    orch = await startTestOrchestrator(env, orch.dataDir);
    const res = await approve(id, 'restart-run');
    expect(res.body.status).toBe('completed');
    expect(res.body.action_result.output).toBe('after restart\n');
    expect((await approve(id, 'restart-run')).status).toBe(409);
  });

  it('a policy refusal of the tools service is reported, not crashed on', async () => {
    const chat = await orch.post('/v1/chat', chatBody('run no-such-tool-here --flag', 'refused'));
    const res = await approve(chat.body.issued_command.action_id, 'refused');
    expect(res.body.status).toBe('failed');
    expect(res.body.response).toMatch(/tools service refused the request/);
  });

  it('BYPASS_HITL_TOOL_EXEC runs tools without approval and audits it', async () => {
    const bypass = await startTestOrchestrator({ ...env, BYPASS_HITL_TOOL_EXEC: 'true' });
    try {
      const res = await bypass.post('/v1/chat', chatBody('run echo unattended', 'bypass'));
      expect(res.body).toMatchObject({ status: 'completed', actions_taken: ['execute_tool:echo'] });
      expect(res.body.action_result.output).toBe('unattended\n');
      // Memory is not bypassed: it still waits for approval.
      const mem = await bypass.post('/v1/chat', chatBody('search my memory for vault', 'bypass'));
      expect(mem.body.status).toBe('awaiting_approval');
      const listed = await bypass.get('/v1/actions?session_id=bypass');
      expect(listed.body.audit.map((e: { event: string; actor: string }) => [e.event, e.actor])).toContainEqual([
        'action.bypassed',
        'bypass',
      ]);
      expect((await bypass.get('/api/status')).body.hitl_bypass).toEqual({ tools: true, memory: false });
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
      const res = await withLlm.post(`/v1/actions/${chat.body.issued_command.action_id}/approve`, {
        session_id: 'llm-cite',
      });
      expect(res.body.response).toMatch(/^Within 24 hours of a suspected breach \[1\]\.\n\nSources:\n\[1\] /);
      expect(res.body.planner).toMatchObject({ provider: 'openrouter', fallback: false });
      const finalPrompt = llm.requests.at(-1)!.body.messages.at(-1).content;
      expect(finalPrompt).toContain('[1] (source: security-policy');
    } finally {
      await withLlm.close();
      await llm.close();
    }
  });
});
