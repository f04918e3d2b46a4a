// An HTTP server speaking the orchestrator's documented contract (/work: api map) with scripted turns, so the
// gateway's WS → HTTP mapping, timeouts and failure paths can be driven deterministically. The full-stack system
// test (tests/system/gateway-chat.test.ts) runs the same flows against the real orchestrator.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatResponse, ChatStreamEvent, PendingAction, SessionTurn } from '@pagi/kit/contracts/chat.ts';

export interface ContractOrchestrator {
  url: string;
  /** Every request seen: method, path, parsed JSON body. */
  requests: { method: string; path: string; body: unknown; headers: http.IncomingHttpHeaders }[];
  /** Streams currently open (a turn in progress). */
  openStreams: () => number;
  close: () => Promise<void>;
}

const planner = { provider: 'mock' as const, fallback: false };

function pendingAction(sessionId: string, jobId: string): PendingAction {
  const now = new Date();
  return {
    action_id: `act-${randomUUID()}`,
    job_id: jobId,
    session_id: sessionId,
    twin_id: 'twin-1',
    kind: 'execute_tool',
    args: { tool_name: 'echo', args: ['hi'], reason: 'requested in the chat' },
    args_hash: 'h',
    status: 'pending',
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + 60_000).toISOString(),
  };
}

function response(sessionId: string, jobId: string, text: string, extra: Partial<ChatResponse> = {}): ChatResponse {
  return {
    response: text,
    job_id: jobId,
    session_id: sessionId,
    actions_taken: [],
    status: 'completed',
    planner,
    raw_orchestrator_decision: '{}',
    ...extra,
  };
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startContractOrchestrator(): Promise<ContractOrchestrator> {
  const requests: ContractOrchestrator['requests'] = [];
  const pending = new Map<string, PendingAction>();
  const turns = new Map<string, SessionTurn[]>();
  let open = 0;

  const stream = async (res: http.ServerResponse, events: ChatStreamEvent[], gapMs: number) => {
    open++;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    try {
      for (const event of events) {
        if (gapMs) await sleep(gapMs);
        if (res.destroyed) return;
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      }
    } finally {
      open--;
      res.end();
    }
  };

  const record = (r: ChatResponse, message: string) => {
    const list = turns.get(r.session_id) ?? [];
    const now = new Date().toISOString();
    list.push({
      job_id: r.job_id,
      session_id: r.session_id,
      twin_id: 'twin-1',
      message,
      status: r.status,
      response: r,
      created_at: now,
      updated_at: now,
    });
    turns.set(r.session_id, list);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = req.method === 'POST' ? await readJson(req).catch(() => undefined) : undefined;
    requests.push({ method: req.method ?? '', path: url.pathname, body, headers: req.headers });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };

    if (url.pathname === '/health') return json(200, { service: 'orchestrator', status: 'ok' });
    if (url.pathname === '/v1/chat' && req.method === 'POST') {
      const { message, session_id: sessionId } = body as { message: string; session_id: string };
      const jobId = `job-${randomUUID()}`;
      if (message === 'fail upstream') return json(500, { error: { code: 'internal', message: 'planner crashed' } });
      if (message === 'stall') {
        // Starts the stream, then goes silent: only the gateway's idle deadline can end this turn.
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${JSON.stringify({ type: 'status', job_id: jobId, stage: 'planning' })}\n\n`);
        return;
      }
      if (message === 'cut off') return stream(res, [{ type: 'status', job_id: jobId, stage: 'planning' }], 0);
      if (message === 'needs approval') {
        const action = pendingAction(sessionId, jobId);
        pending.set(action.action_id, action);
        const r = response(sessionId, jobId, 'I need your approval to run echo.', {
          status: 'awaiting_approval',
          issued_command: action,
        });
        record(r, message);
        return stream(
          res,
          [
            { type: 'status', job_id: jobId, stage: 'planning' },
            { type: 'approval_required', job_id: jobId, action },
            { type: 'done', response: r },
          ],
          0,
        );
      }
      const slow = message.startsWith('slow');
      const words = `You said: ${message}`.split(' ');
      const r = response(sessionId, jobId, words.join(' '));
      record(r, message);
      return stream(
        res,
        [
          { type: 'status', job_id: jobId, stage: 'planning' },
          ...words.map((w, i) => ({ type: 'token' as const, job_id: jobId, text: i ? ` ${w}` : w })),
          { type: 'done', response: r },
        ],
        slow ? 60 : 0,
      );
    }
    const decision = /^\/v1\/actions\/([^/]+)\/(approve|deny)$/.exec(url.pathname);
    if (decision && req.method === 'POST') {
      const action = pending.get(decodeURIComponent(decision[1]!));
      const sessionId = (body as { session_id?: string })?.session_id;
      if (!action) return json(404, { error: { code: 'not_found', message: 'no such action' } });
      if (action.session_id !== sessionId) return json(403, { error: { code: 'forbidden', message: 'other session' } });
      if (action.status !== 'pending') return json(409, { error: { code: 'already_decided', message: 'decided' } });
      if (decision[2] === 'deny') {
        action.status = 'denied';
        const r = response(action.session_id, action.job_id, 'Understood, I did not run it.', { status: 'denied' });
        return stream(res, [{ type: 'done', response: r }], 0);
      }
      action.status = 'executed';
      const result = {
        kind: 'execute_tool' as const,
        tool_name: 'echo',
        args: ['hi'],
        output: 'hi\n',
        stderr: '',
        exit_code: 0,
        truncated: false,
        timed_out: false,
        duration_ms: 3,
        sandbox: 'bwrap',
      };
      const r = response(action.session_id, action.job_id, 'The tool printed hi.', {
        actions_taken: ['execute_tool:echo'],
        action_result: result,
      });
      return stream(
        res,
        [
          { type: 'action_result', job_id: action.job_id, action, result },
          { type: 'token', job_id: action.job_id, text: 'The tool printed hi.' },
          { type: 'done', response: r },
        ],
        0,
      );
    }
    const history = /^\/v1\/sessions\/([^/]+)\/turns$/.exec(url.pathname);
    if (history) return json(200, { turns: turns.get(decodeURIComponent(history[1]!)) ?? [] });
    if (url.pathname === '/api/echo') return json(200, { method: req.method, query: url.search, body });
    if (url.pathname === '/api/hang') return; // never answers: the gateway's timeout must fire
    if (url.pathname === '/api/endless/stream') {
      // An event stream that never ends by itself (like the activity feed).
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"n":1}\n\n');
      return;
    }
    if (url.pathname === '/api/activity/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"n":1}\n\n');
      await sleep(400);
      res.write('data: {"n":2}\n\n');
      return res.end();
    }
    return json(404, { error: { code: 'not_found', message: `no route ${url.pathname}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openStreams: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
