// A local OpenAI-compatible chat completions endpoint whose replies each test scripts. Asked to stream
// (`stream: true`), it sends the reply as server-sent chunks of a few characters, `tokenDelayMs` apart.
import { createServer, type Server, type ServerResponse } from 'node:http';

/** What the orchestrator sends to a chat completions endpoint, loosely: the tests look at a few fields. */
export type LlmRequestBody = {
  model?: string;
  messages?: { role: string; content: string }[];
  [k: string]: unknown;
};

export type FakeReply =
  | { content: string; tokenDelayMs?: number }
  | { status: number }
  | { delayMs: number; content: string; tokenDelayMs?: number };

/** Characters per streamed chunk (about one token). */
const CHUNK_CHARS = 4;

export interface FakeLlm {
  url: string;
  requests: { body: LlmRequestBody; headers: Record<string, string | string[] | undefined> }[];
  /** Replies served in order; when empty, `fallback` answers. */
  queue: FakeReply[];
  fallback: (body: LlmRequestBody) => FakeReply;
  /** Streamed replies whose client went away before the end (a stopped answer). */
  abandoned: number;
  close(): Promise<void>;
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const fake: FakeLlm = {
    url: '',
    requests: [],
    queue: [],
    fallback: () => ({ content: JSON.stringify({ action: 'respond', message: 'fake answer' }) }),
    abandoned: 0,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', async () => {
      const body: LlmRequestBody = JSON.parse(data || '{}');
      fake.requests.push({ body, headers: req.headers });
      const reply = fake.queue.shift() ?? fake.fallback(body);
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'upstream exploded' } }));
        return;
      }
      if ('delayMs' in reply) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (res.destroyed) return;
      if (body.stream === true) {
        if (!(await streamReply(res, body, reply.content, reply.tokenDelayMs ?? 0))) fake.abandoned++;
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'cmpl-1',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content } }],
          // About four characters a token, as budgets are counted from what the endpoint reports.
          usage: usageOf(data, reply.content),
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  fake.url = `http://127.0.0.1:${addr.port}/v1/chat/completions`;
  fake.close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return fake;
}

function usageOf(request: string, content: string) {
  const prompt_tokens = Math.ceil(request.length / 4);
  const completion_tokens = Math.ceil(content.length / 4);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

export const json = (value: unknown): FakeReply => ({ content: JSON.stringify(value) });

/** Streams the reply; false when the client went away before its end. */
async function streamReply(res: ServerResponse, body: LlmRequestBody, content: string, delayMs: number) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, string>, finish: string | null) =>
    `data: ${JSON.stringify({
      id: 'cmpl-1',
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (let i = 0; i < content.length; i += CHUNK_CHARS) {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    // The client went away (a stopped answer): stop writing.
    if (res.destroyed) return false;
    res.write(chunk({ content: content.slice(i, i + CHUNK_CHARS) }, null));
  }
  res.end(`${chunk({}, 'stop')}data: [DONE]\n\n`);
  return true;
}
