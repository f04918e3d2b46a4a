import { identityOf } from '@pagi/auth';
import {
  ActionDecisionRequest,
  ChatRequest,
  CodedError,
  parseWith,
  type SessionActionsResponse,
  SessionId,
  type SessionTurnsResponse,
} from '@pagi/contracts';
import { type Logger, openSse, wantsSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AgentRuns } from '../agents/agent-runs.ts';
import type { SessionOwners } from '../conversations/session-owners.ts';
import type { TurnStore } from '../conversations/turn-store.ts';
import type { AuditLog } from '../hitl/audit.ts';
import type { PendingActionStore } from '../hitl/pending-actions.ts';
import type { ChatEngine } from './chat-engine.ts';
import type { Sink } from './turn-sink.ts';

const ActionIdParams = z.object({ id: z.string().min(1).max(128) });
const SessionQuery = z.object({ session_id: SessionId });
const SessionParams = z.object({ session_id: SessionId });
const TurnsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

/**
 * Streams a turn as Server-Sent Events: the engine's turn events as they happen, or an `error` event when the turn
 * cannot go on (naming the action when the stream answers a decision).
 */
async function streamed(
  reply: Parameters<typeof openSse>[0],
  logger: Logger,
  run: (sink: Sink, signal: AbortSignal) => Promise<unknown>,
  actionId?: string,
) {
  const sse = openSse(reply);
  // The client closing the stream (a person pressing Stop) cancels what the turn is still waiting for (the model).
  const stop = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) stop.abort();
  });
  try {
    await run((e) => sse.send(e), stop.signal);
  } catch (err) {
    if (!(err instanceof CodedError)) logger.error({ err }, 'streamed turn failed');
    sse.send({
      type: 'error',
      code: err instanceof CodedError ? err.code : 'internal',
      message: err instanceof CodedError ? err.message : 'the turn failed unexpectedly',
      ...(actionId ? { action_id: actionId } : {}),
    });
  } finally {
    sse.end();
  }
}

/**
 * POST /v1/chat, the approve/deny endpoints, the session's actions and its turn history — each for the caller's
 * own sessions only.
 */
export function registerChatRoutes(
  app: FastifyInstance,
  deps: {
    engine: ChatEngine;
    actions: PendingActionStore;
    turns: TurnStore;
    owners: SessionOwners;
    audit: AuditLog;
    maxMessageBytes: number;
    logger: Logger;
    /** Agent runs take the decisions on their own actions (the run goes on by itself). */
    agents?: Pick<AgentRuns, 'owns' | 'decided'>;
  },
): void {
  const { engine, actions, turns, owners, audit, maxMessageBytes, logger, agents } = deps;

  app.post('/v1/chat', async (req, reply) => {
    const body = parseWith(ChatRequest, req.body);
    const bytes = Buffer.byteLength(body.message, 'utf8');
    if (bytes > maxMessageBytes) {
      throw new CodedError('message_too_large', `message is ${bytes} bytes; the limit is ${maxMessageBytes}`);
    }
    owners.claim(body.session_id, identityOf(req).user_id);
    if (wantsSse(req)) return streamed(reply, logger, (sink, signal) => engine.chat(body, sink, signal));
    return engine.chat(body);
  });

  for (const [path, decision] of [
    ['/v1/actions/:id/approve', 'approved'],
    ['/v1/actions/:id/deny', 'denied'],
  ] as const) {
    app.post(path, async (req, reply) => {
      const { id } = parseWith(ActionIdParams, req.params);
      const { session_id } = parseWith(ActionDecisionRequest, req.body);
      const who = identityOf(req);
      owners.check(session_id, who.user_id);
      // The decision is claimed before any streaming starts, so refusals are plain 4xx answers.
      const claimed = engine.claim(id, session_id, decision, who.name);
      if (agents?.owns(claimed.action)) return agents.decided(claimed.action, decision, who.name);
      if (wantsSse(req)) return streamed(reply, logger, (sink, signal) => engine.carryOut(claimed, sink, signal), id);
      return engine.carryOut(claimed);
    });
  }

  app.get('/v1/actions', async (req): Promise<SessionActionsResponse> => {
    const { session_id } = parseWith(SessionQuery, req.query);
    owners.check(session_id, identityOf(req).user_id);
    return {
      actions: actions.listForSession(session_id).map(({ result: _r, error: _e, ...a }) => a),
      audit: audit.forSession(session_id),
    };
  });

  app.get('/v1/sessions/:session_id/turns', async (req): Promise<SessionTurnsResponse> => {
    const { session_id } = parseWith(SessionParams, req.params);
    const { limit } = parseWith(TurnsQuery, req.query);
    owners.check(session_id, identityOf(req).user_id);
    return { turns: turns.forSession(session_id, limit) };
  });
}
