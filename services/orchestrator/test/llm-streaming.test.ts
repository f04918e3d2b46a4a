import type { TurnEvent } from '@pagi/contracts';
import { type FakeLlm, startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBody, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

// With an LLM, a direct answer reaches the client as the model writes it: token events arrive while the model is
// still writing, and together they are the answer.

describe('answers streamed from the model', () => {
  let llm: FakeLlm;
  let orch: TestOrchestrator;
  beforeAll(async () => {
    llm = await startFakeLlm();
    orch = await startTestOrchestrator({
      LLM_PROVIDER: 'openrouter',
      OPENROUTER_API_KEY: 'test-key',
      OPENROUTER_URL: llm.url,
      LLM_TIMEOUT_MS: '10000',
    });
  });
  afterAll(async () => {
    await orch.close();
    await llm.close();
  });

  it('sends each piece of a direct answer as it arrives, then the whole answer', async () => {
    const message = 'Streaming works: each piece of this answer leaves as the model writes it, "quotes" and all.';
    // ~23 chunks of 4 characters, 25 ms apart: the whole reply takes over half a second.
    llm.queue.push({ content: JSON.stringify({ action: 'respond', message }), tokenDelayMs: 25 });
    const started = performance.now();
    const res = await fetch(`${orch.url}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(chatBody('tell me about streaming', 'stream-1')),
    });
    const arrivals: { at: number; event: TurnEvent }[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body!) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .find((l) => l.startsWith('data: '));
        buffer = buffer.slice(end + 2);
        if (data) arrivals.push({ at: performance.now() - started, event: JSON.parse(data.slice(6)) });
        end = buffer.indexOf('\n\n');
      }
    }
    const tokens = arrivals.filter((a) => a.event.type === 'response' && !a.event.done);
    const final = arrivals.find((a) => a.event.type === 'response' && a.event.done);
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.map((t) => (t.event as { token: string }).token).join('')).toBe(message);
    // The first piece came long before the model finished.
    expect(final!.at - tokens[0]!.at).toBeGreaterThan(300);
    expect(final!.event).toMatchObject({ message, status: 'completed' });
    expect(llm.requests.at(-1)!.body).toMatchObject({ stream: true, response_format: { type: 'json_object' } });
  });
});
