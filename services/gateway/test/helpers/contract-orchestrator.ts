// A stand-in for the orchestrator with scripted turns, so the gateway's routing, timeouts and failure paths can be
// driven deterministically. It is built like the real one — the runtime's HTTP app (error shape) and SSE writer —
// and every event it streams is checked against the TurnEvent contract, so it sends exactly what the orchestrator
// sends. The full-stack system test (tests/system/gateway-chat.test.ts) runs the same flows against the real one.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ChatResponse,
  CodedError,
  type PendingAction,
  type SessionTurn,
  type ToolRunResult,
  TurnEvent,
} from '@pagi/contracts';
import { createHttpApp, createLogger, listen, openSse } from '@pagi/runtime';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export interface ContractOrchestrator {
  url: string;
  /** Every request seen: method, path, parsed JSON body. */
  requests: { method: string; path: string; body: unknown; headers: http.IncomingHttpHeaders }[];
  /** Streams currently open (a turn in progress). */
  openStreams: () => number;
  /** Resolves once no stream is open. */
  streamsIdle: () => Promise<void>;
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

/** The answer's events as the chat engine sends them: the text, then the final event with the outcome. */
function answer(r: ChatResponse, tokens = [r.response]): TurnEvent[] {
  const ids = { job_id: r.job_id, session_id: r.session_id };
  return [
    ...tokens.map((token) => ({ type: 'response' as const, ...ids, done: false, token })),
    {
      type: 'response',
      ...ids,
      done: true,
      message: r.response,
      actions_taken: r.actions_taken,
      status: r.status,
      planner: r.planner,
    },
  ];
}

export async function startContractOrchestrator(): Promise<ContractOrchestrator> {
  const requests: ContractOrchestrator['requests'] = [];
  const pending = new Map<string, PendingAction>();
  const turns = new Map<string, SessionTurn[]>();
  let open = 0;
  const idle: (() => void)[] = [];
  const app = createHttpApp({ service: 'orchestrator', logger: createLogger('contract-orchestrator', 'silent') });

  const stream = async (reply: FastifyReply, events: TurnEvent[], opts: { gapMs?: number; end?: boolean } = {}) => {
    open++;
    const sse = openSse(reply);
    try {
      for (const event of events) {
        if (opts.gapMs) await sleep(opts.gapMs);
        if (sse.closed) return;
        sse.send(TurnEvent.parse(event));
      }
    } finally {
      open--;
      if (opts.end !== false) sse.end();
      if (open === 0) for (const resolve of idle.splice(0)) resolve();
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

  app.addHook('onRequest', async (req) => {
    requests.push({ method: req.method, path: req.url.split('?')[0]!, body: undefined, headers: req.headers });
  });
  app.addHook('preHandler', async (req) => {
    requests.at(-1)!.body = req.body;
  });

  app.post<{ Body: { message: string; session_id: string } }>('/v1/chat', async (req, reply) => {
    const { message, session_id: sessionId } = req.body;
    const ids = { job_id: `job-${randomUUID()}`, session_id: sessionId };
    const planning: TurnEvent = { type: 'status', ...ids, stage: 'planning' };
    if (message === 'fail upstream') throw new CodedError('internal', 'planner crashed');
    // Starts the stream, then goes silent: only the gateway's idle deadline can end this turn.
    if (message === 'stall') return stream(reply, [planning], { end: false });
    if (message === 'cut off') return stream(reply, [planning]);
    if (message === 'needs approval') {
      const action = pendingAction(sessionId, ids.job_id);
      pending.set(action.action_id, action);
      const r = response(sessionId, ids.job_id, 'I need your approval to run echo.', {
        status: 'awaiting_approval',
        issued_command: action,
      });
      record(r, message);
      return stream(reply, [planning, { type: 'approval_required', ...ids, action }, ...answer(r)]);
    }
    // "slow …" streams its answer word by word, as an LLM writes it.
    const slow = message.startsWith('slow');
    const words = `You said: ${message}`.split(' ');
    const r = response(sessionId, ids.job_id, words.join(' '));
    record(r, message);
    const tokens = slow ? words.map((w, i) => (i ? ` ${w}` : w)) : undefined;
    return stream(reply, [planning, ...answer(r, tokens)], { gapMs: slow ? 60 : 0 });
  });

  app.post<{ Params: { id: string; decision: string }; Body: { session_id?: string } }>(
    '/v1/actions/:id/:decision',
    async (req, reply) => {
      const action = pending.get(req.params.id);
      if (!action) throw new CodedError('not_found', 'no such action');
      if (action.session_id !== req.body?.session_id) throw new CodedError('forbidden', 'other session');
      if (action.status !== 'pending') throw new CodedError('already_decided', 'decided');
      const ids = { job_id: action.job_id, session_id: action.session_id };
      if (req.params.decision === 'deny') {
        action.status = 'denied';
        return stream(
          reply,
          answer(response(ids.session_id, ids.job_id, 'Understood, I did not run it.', { status: 'denied' })),
        );
      }
      action.status = 'executed';
      const result: z.infer<typeof ToolRunResult> = {
        kind: 'execute_tool',
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
      const r = response(ids.session_id, ids.job_id, 'The tool printed hi.', {
        actions_taken: ['execute_tool:echo'],
        action_result: result,
      });
      return stream(reply, [
        { type: 'status', ...ids, stage: 'executing' },
        { type: 'action_result', ...ids, action, result },
        { type: 'status', ...ids, stage: 'answering' },
        ...answer(r),
      ]);
    },
  );

  app.get<{ Params: { session_id: string } }>('/v1/sessions/:session_id/turns', async (req) => ({
    turns: turns.get(req.params.session_id) ?? [],
  }));
  app.all('/api/echo', async (req) => ({
    method: req.method,
    query: req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '',
    body: req.body,
  }));
  app.get('/api/hang', (_req, _reply) => new Promise(() => {})); // never answers: the gateway's timeout must fire
  app.get('/api/endless/stream', async (_req, reply) => {
    // An event stream that never ends by itself (like the activity feed).
    openSse(reply, { subscription: true }).send({ n: 1 });
  });
  app.get('/api/activity/stream', async (_req, reply) => {
    const sse = openSse(reply, { subscription: true });
    sse.send({ n: 1 });
    await sleep(400);
    sse.send({ n: 2 });
    sse.end();
  });

  const port = await listen(app, '127.0.0.1', 0);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openStreams: () => open,
    streamsIdle: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
