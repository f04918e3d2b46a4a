import { type FakeLlm, startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';
import { type Frame, WsClient } from '../helpers/ws-client.ts';

// An answer reaches the browser's socket as the model writes it, through the gateway and the orchestrator, and Stop
// cancels the model's request itself.

let llm: FakeLlm;
let stack: Stack;
const MESSAGE =
  'This answer is long on purpose, so that it takes the model a while to write it all out, piece by piece.';

beforeAll(async () => {
  llm = await startFakeLlm();
  // ~26 chunks, 40 ms apart: a whole answer takes about a second.
  llm.fallback = () => ({ content: JSON.stringify({ action: 'respond', message: MESSAGE }), tokenDelayMs: 40 });
  stack = await startStack({
    services: ['orchestrator', 'gateway'],
    env: { LLM_PROVIDER: 'openrouter', OPENROUTER_API_KEY: 'k', OPENROUTER_URL: llm.url, LLM_TIMEOUT_MS: '10000' },
  });
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await llm?.close();
});

const isToken = (f: Frame) => f.type === 'response' && f.done !== true;

describe('streamed answers through the browser socket', () => {
  it('arrive piece by piece while the model writes, and add up to the answer', async () => {
    const c = await WsClient.open(stack.url('gateway'), '/ws/chat/streamer');
    const t0 = Date.now();
    c.send({ type: 'chat', message: 'tell me something long', session_id: 'stream-a', twin_id: 'twin' });
    await c.next(isToken, 10_000);
    const firstAt = Date.now() - t0;
    const final = await c.next<{ message: string }>((f) => f.type === 'response' && f.done === true, 10_000);
    const doneAt = Date.now() - t0;
    expect(doneAt - firstAt).toBeGreaterThan(500);
    const tokens = c.frames.filter(isToken).map((f) => f.token as string);
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.join('')).toBe(MESSAGE);
    expect(final.message).toBe(MESSAGE);
    await c.close();
  });

  it('stop: the model request is closed at once and the turn ends as stopped', async () => {
    const c = await WsClient.open(stack.url('gateway'), '/ws/chat/stopper');
    const abandoned = llm.abandoned;
    c.send({ type: 'chat', message: 'tell me something long', session_id: 'stream-b', twin_id: 'twin' });
    await c.next(isToken, 10_000);
    const t0 = Date.now();
    c.send({ type: 'stop', session_id: 'stream-b' });
    const stopped = await c.next<{ code: string; job_id?: string }>((f) => f.type === 'error', 5000);
    expect(stopped.code).toBe('cancelled');
    expect(stopped.job_id).toBeTruthy();
    expect(Date.now() - t0).toBeLessThan(500);
    await c.until(() => llm.abandoned > abandoned, 2000);
    // No final answer follows: the rest was never written.
    await new Promise((r) => setTimeout(r, 1200));
    expect(c.frames.some((f) => f.type === 'response' && f.done === true)).toBe(false);

    // The question stays in the conversation, with what was written before the stop.
    c.send({ type: 'resume', session_id: 'stream-b' });
    const history = await c.next<{ turns: { message: string; status: string; response: { response: string } }[] }>(
      (f) => f.type === 'history',
      5000,
    );
    expect(history.turns.map((t) => [t.message, t.status])).toEqual([['tell me something long', 'stopped']]);
    const written = history.turns[0]!.response.response;
    expect(written.length).toBeGreaterThan(0);
    expect(MESSAGE.startsWith(written)).toBe(true);
    await c.close();
  });
});
