// Time to the first word of an answer: a local OpenAI-compatible server streams a reply in 4-character chunks with a
// fixed delay each; a bare streaming client reading it directly is the baseline, and the same reply through the
// whole platform (browser WebSocket → gateway → orchestrator → model, and back) is measured in the same run.
// Both count from the request to the first decoded character of the answer. Prints one JSON object.

import { FieldStream } from '@pagi/llm';
import { startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { startStack } from '@pagi/tests/helpers/stack.ts';
import { WsClient } from '@pagi/tests/helpers/ws-client.ts';

const TURNS = 40;
const TOKEN_DELAY_MS = 15;
const reply = () =>
  JSON.stringify({
    action: 'respond',
    message: 'Here is the answer, written a few characters at a time by the model.',
  });

const llm = await startFakeLlm();
llm.fallback = () => ({ content: reply(), tokenDelayMs: TOKEN_DELAY_MS });

/** A bare client: POST with stream: true, read the chunks, stop at the first character of the message. */
async function bareFirstText(): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(llm.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
  });
  const field = new FieldStream('message');
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body!) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!line.startsWith('data: {')) continue;
      const delta = JSON.parse(line.slice(6)).choices[0]?.delta?.content ?? '';
      if (field.push(delta)) {
        // Leaving the loop cancels the rest of the stream.
        return performance.now() - t0;
      }
    }
  }
  throw new Error('no text streamed');
}

const stack = await startStack({
  services: ['orchestrator', 'gateway'],
  env: { LLM_PROVIDER: 'openrouter', OPENROUTER_API_KEY: 'bench', OPENROUTER_URL: llm.url, LLM_TIMEOUT_MS: '10000' },
});
/**
 * Through the platform, as a browser: on an open socket (a fresh one per turn, opened before the clock starts),
 * send a chat frame and wait for the first token frame of the answer, then for its end.
 */
async function platformFirstText(i: number): Promise<number> {
  const client = await WsClient.open(stack.url('gateway'), '/ws/chat/bench-user');
  const t0 = performance.now();
  client.send({ type: 'chat', message: `hello ${i}`, session_id: `ttft-${i}`, twin_id: 'bench' });
  await client.next((f) => f.type === 'response' && f.done !== true, 10_000);
  const ms = performance.now() - t0;
  await client.next((f) => f.type === 'response' && f.done === true, 10_000);
  await client.close();
  return ms;
}

const bare: number[] = [];
const platform: number[] = [];
for (let i = 0; i < 5; i++) {
  await bareFirstText();
  await platformFirstText(100 + i);
}
for (let i = 0; i < TURNS; i++) {
  bare.push(await bareFirstText());
  platform.push(await platformFirstText(i));
}
await stack.close();
await llm.close();

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const r1 = (x: number) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify(
    {
      turns: TURNS,
      token_delay_ms: TOKEN_DELAY_MS,
      bare_client_first_text_p50_ms: r1(p50(bare)),
      platform_first_text_p50_ms: r1(p50(platform)),
      overhead_p50_ms: r1(p50(platform) - p50(bare)),
      target: 'overhead <= 10 ms',
    },
    null,
    2,
  ),
);
