import { ChatResponse, SummarizeResponse } from '@pagi/contracts';
import { createLlmClient, llmBaseUrl } from '@pagi/llm';
import { type FakeLlm, json, startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatBody, ok, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

describe('LLM client selection', () => {
  const base = {
    OPENROUTER_URL: 'https://openrouter.ai/api/v1/chat/completions',
    OPENROUTER_MODEL: 'm',
    LLM_TIMEOUT_MS: 1000,
  };
  it('is null for the mock provider or without a key', () => {
    expect(createLlmClient({ ...base, LLM_PROVIDER: 'mock', OPENROUTER_API_KEY: 'k' })).toBeNull();
    expect(createLlmClient({ ...base, LLM_PROVIDER: 'openrouter', OPENROUTER_API_KEY: undefined })).toBeNull();
    expect(createLlmClient({ ...base, LLM_PROVIDER: 'openrouter', OPENROUTER_API_KEY: 'k' })).toMatchObject({
      provider: 'openrouter',
      model: 'm',
    });
  });
  it('derives the SDK base URL from the endpoint URL', () => {
    expect(llmBaseUrl('https://openrouter.ai/api/v1/chat/completions')).toBe('https://openrouter.ai/api/v1');
    expect(llmBaseUrl('http://localhost:8080/v1/')).toBe('http://localhost:8080/v1');
  });
});

describe('planning through an OpenAI-compatible endpoint', () => {
  let llm: FakeLlm;
  let orch: TestOrchestrator;
  beforeAll(async () => {
    llm = await startFakeLlm();
    orch = await startTestOrchestrator({
      LLM_PROVIDER: 'openrouter',
      OPENROUTER_API_KEY: 'test-key',
      OPENROUTER_URL: llm.url,
      OPENROUTER_MODEL: 'test/model',
      LLM_TIMEOUT_MS: '400',
    });
  });
  afterAll(async () => {
    await orch.close();
    await llm.close();
  });
  beforeEach(() => {
    llm.requests.length = 0;
    llm.queue.length = 0;
  });

  it('uses a valid JSON decision as is, in JSON mode with the system prompt', async () => {
    llm.queue.push(json({ action: 'respond', message: 'Hi from the model' }));
    const res = ok(await orch.post('/v1/chat', chatBody('hello', 'llm-good')), ChatResponse);
    expect(res).toMatchObject({
      status: 'completed',
      response: 'Hi from the model',
      planner: { provider: 'openrouter', model: 'test/model', fallback: false },
    });
    expect(llm.requests).toHaveLength(1);
    const req = llm.requests[0]!;
    expect(req.headers.authorization).toBe('Bearer test-key');
    expect(req.body).toMatchObject({ model: 'test/model', response_format: { type: 'json_object' } });
    const messages = req.body.messages ?? [];
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).toContain('planning core of a personal digital twin');
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'hello' });
  });

  it('sends the recent turns of the session as context', async () => {
    llm.queue.push(
      json({ action: 'respond', message: 'first answer' }),
      json({ action: 'respond', message: 'second' }),
    );
    await orch.post('/v1/chat', chatBody('first question', 'llm-history'));
    await orch.post('/v1/chat', chatBody('second question', 'llm-history'));
    const messages = llm.requests[1]!.body.messages ?? [];
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: JSON.stringify({ action: 'respond', message: 'first answer' }) },
      { role: 'user', content: 'second question' },
    ]);
  });

  it('turns an LLM tool decision into a pending action with the exact arguments', async () => {
    llm.queue.push(json({ action: 'execute_tool', tool_name: 'ls', args: ['-l', 'a b'], reason: 'list files' }));
    const res = ok(await orch.post('/v1/chat', chatBody('show me the files', 'llm-tool')), ChatResponse);
    expect(res.status).toBe('awaiting_approval');
    expect(res.issued_command?.args).toEqual({ tool_name: 'ls', args: ['-l', 'a b'], reason: 'list files' });
    expect(JSON.parse(res.raw_orchestrator_decision)).toMatchObject({ tool_name: 'ls' });
  });

  it('repairs malformed JSON once', async () => {
    llm.queue.push(
      { content: 'Sure! {"action": "respond", "message": ' },
      json({ action: 'respond', message: 'repaired' }),
    );
    const res = ok(await orch.post('/v1/chat', chatBody('hello', 'llm-repair')), ChatResponse);
    expect(res).toMatchObject({ response: 'repaired', planner: { provider: 'openrouter', fallback: false } });
    expect(llm.requests).toHaveLength(2);
    const repairPrompt = llm.requests[1]!.body.messages?.at(-1)?.content;
    expect(repairPrompt).toContain('not valid JSON');
  });

  it('repairs output that does not match the action schema', async () => {
    llm.queue.push(
      json({ action: 'launch_rockets', target: 'moon' }),
      json({ action: 'query_memory', query: 'rockets', domains: ['mind'], top_k: 3 }),
    );
    const res = ok(await orch.post('/v1/chat', chatBody('what about rockets', 'llm-schema')), ChatResponse);
    expect(res.issued_command?.args).toMatchObject({ query: 'rockets', domains: ['mind'], top_k: 3 });
    expect(llm.requests[1]!.body.messages?.at(-1)?.content).toContain('action');
  });

  it('falls back to the mock planner when the repair fails too, and says so', async () => {
    llm.queue.push({ content: 'nope' }, json({ action: 'query_memory', query: '' }));
    const res = ok(await orch.post('/v1/chat', chatBody('search my memory for invoices', 'llm-twice')), ChatResponse);
    expect(llm.requests).toHaveLength(2);
    expect(res.planner).toMatchObject({ provider: 'mock', fallback: true });
    expect(res.planner.fallback_reason).toContain('invalid after one repair attempt');
    // The mock planner's decision, never a half-parsed LLM one.
    expect(res.issued_command?.args).toMatchObject({ query: 'invoices' });
  });

  it('falls back when the endpoint is slower than the timeout', async () => {
    llm.fallback = () => ({ delayMs: 1500, content: JSON.stringify({ action: 'respond', message: 'too late' }) });
    try {
      const t0 = Date.now();
      const res = ok(await orch.post('/v1/chat', chatBody('hello', 'llm-slow')), ChatResponse);
      expect(res.planner).toMatchObject({
        provider: 'mock',
        fallback: true,
        fallback_reason: 'LLM request timed out',
      });
      expect(res.response).toMatch(/^Hello!/);
      expect(Date.now() - t0).toBeLessThan(4000);
    } finally {
      llm.fallback = () => json({ action: 'respond', message: 'fake answer' });
    }
  });

  it('falls back on HTTP 500', async () => {
    llm.queue.push({ status: 500 }, { status: 500 });
    const answer = await orch.post('/v1/chat', chatBody('run echo hi', 'llm-500'));
    expect(answer.status).toBe(200);
    const res = ok(answer, ChatResponse);
    expect(res.planner).toMatchObject({ fallback: true, fallback_reason: 'LLM endpoint answered HTTP 500' });
    expect(res.issued_command?.args).toMatchObject({ tool_name: 'echo', args: ['hi'] });
  });

  it('summarizes transcripts through the LLM, and extractively when it fails', async () => {
    llm.queue.push(
      json({ summary: 'They met.', key_decisions: ['Use Postgres'], follow_up_tasks: ['Bob: benchmark'] }),
    );
    const viaLlm = await orch.post('/api/transcript/summarize', {
      transcript_text: 'Alice: We decided to use Postgres.',
    });
    expect(ok(viaLlm, SummarizeResponse)).toEqual({
      summary: 'They met.',
      key_decisions: ['Use Postgres'],
      follow_up_tasks: ['Bob: benchmark'],
      method: 'llm',
    });
    llm.queue.push({ status: 500 }, { status: 500 });
    const fallback = ok(
      await orch.post('/api/transcript/summarize', {
        transcript_text: 'Alice: We decided to use Postgres.\nBob: I will benchmark it by Friday.',
      }),
      SummarizeResponse,
    );
    expect(fallback.method).toBe('extractive');
    expect(fallback.key_decisions).toEqual(['We decided to use Postgres.']);
  });
});
