import { IDENTITY_HEADER, type Identity, type IdentitySigner } from '@pagi/auth';
import { ClientFrame, CodedError, SessionTurnsResponse, UserId } from '@pagi/contracts';
import type { Context, Logger } from '@pagi/runtime';
import type { WebSocket } from 'ws';
import type { HttpUpstream } from '../upstream/http-upstream.ts';
import { decodeFrame, sendFrame } from '../ws/frames.ts';
import { TokenBucket } from '../ws/rate-limit.ts';
import { SessionHub } from './session-hub.ts';
import type { TurnRunner } from './turn-runner.ts';

/** How often an idle socket checks that its person is still signed in. */
const RECHECK_MS = 15_000;

/** Sessions one socket may follow, turns one socket may have running, turns the whole gateway may have running. */
const MAX_SESSIONS_PER_SOCKET = 32;
const MAX_TURNS_PER_SOCKET = 4;
const MAX_TURNS_TOTAL = 2000;

export interface ChatSocketDeps {
  hub: SessionHub;
  runner: TurnRunner;
  orchestrator: HttpUpstream;
  /** Signs the person's identity onto each call to the orchestrator. */
  signer: IdentitySigner;
  logger: Logger;
  ratePerSec: number;
  rateBurst: number;
}

/**
 * One browser connection on /ws/chat/:user_id, for the signed-in person (`me`, or their own id, in the path). Every
 * frame is decoded and validated; a bad one gets an `error` frame and the socket stays open. Chat and approval
 * frames start turns against the orchestrator; `resume` hands over what the session missed.
 */
export function handleChatSocket(
  socket: WebSocket,
  rawUserId: string,
  identity: Identity,
  deps: ChatSocketDeps,
  trace?: Context,
  stillSignedIn: () => boolean = () => true,
): void {
  const user = UserId.safeParse(rawUserId);
  if (!user.success) {
    socket.close(1008, 'invalid user id');
    return;
  }
  // Without accounts (AUTH_MODE=off) the path names the browser's user; with them, the signed-in person.
  if (identity.via !== 'off' && rawUserId !== 'me' && rawUserId !== identity.user_id) {
    socket.close(1008, 'this path names another user');
    return;
  }
  const userId = identity.via === 'off' ? user.data : identity.user_id;
  const vouch = () => ({ [IDENTITY_HEADER]: deps.signer.sign(identity) });
  // Signing out (here or everywhere), a revoked key or a disabled account ends the socket too.
  const signedOut = () => {
    if (stillSignedIn()) return false;
    socket.close(4401, 'signed out');
    return true;
  };
  const recheck = setInterval(signedOut, RECHECK_MS);
  recheck.unref();
  const bucket = new TokenBucket(deps.ratePerSec, deps.rateBurst);
  let running = 0;

  const follow = (sessionId: string): string | undefined => {
    const key = SessionHub.key(userId, sessionId);
    const state = deps.hub.followState(socket, key);
    if (!state.following && state.count >= MAX_SESSIONS_PER_SOCKET) {
      sendFrame(socket, {
        type: 'error',
        code: 'too_many_sessions',
        message: `one connection follows at most ${MAX_SESSIONS_PER_SOCKET} sessions`,
      });
      return undefined;
    }
    deps.hub.follow(socket, key);
    return key;
  };

  const startTurn = (run: () => Promise<void>) => {
    if (running >= MAX_TURNS_PER_SOCKET || deps.hub.totalInFlight() >= MAX_TURNS_TOTAL) {
      sendFrame(socket, { type: 'error', code: 'busy', message: 'too many turns in progress; wait for one to finish' });
      return;
    }
    running++;
    // Not tied to the socket: when it closes the turn still finishes and the hub keeps its result.
    void run().finally(() => {
      running--;
    });
  };

  socket.on('message', (data, isBinary) => {
    if (signedOut()) return;
    if (!bucket.take()) {
      sendFrame(socket, { type: 'error', code: 'rate_limited', message: 'too many frames; slow down' });
      return;
    }
    const decoded = decodeFrame(ClientFrame, data, isBinary);
    if (!decoded.ok) {
      sendFrame(socket, { type: 'error', code: decoded.code, message: decoded.message });
      return;
    }
    const frame = decoded.frame;
    switch (frame.type) {
      case 'ping':
        sendFrame(socket, { type: 'pong', ts: frame.ts ?? Date.now() });
        return;
      case 'chat': {
        const key = follow(frame.session_id);
        if (!key) return;
        const { type: _type, ...body } = frame;
        startTurn(() => deps.runner.run(key, { kind: 'chat', body }, vouch(), trace));
        return;
      }
      case 'approval': {
        const key = follow(frame.session_id);
        if (!key) return;
        startTurn(() =>
          deps.runner.run(
            key,
            {
              kind: 'approval',
              actionId: frame.action_id,
              decision: frame.decision,
              sessionId: frame.session_id,
            },
            vouch(),
            trace,
          ),
        );
        return;
      }
      case 'stop': {
        deps.runner.stop(SessionHub.key(userId, frame.session_id));
        return;
      }
      case 'resume': {
        const key = follow(frame.session_id);
        if (!key) return;
        void sendHistory(socket, key, frame.session_id, deps, vouch());
        return;
      }
    }
  });

  socket.on('close', () => {
    clearInterval(recheck);
    deps.hub.unfollowAll(socket);
  });
  socket.on('error', (err) => deps.logger.debug({ err, user_id: userId }, 'chat socket error'));
}

/** After `resume`: the session's recorded turns, so a client that lost its state can redraw the conversation. */
async function sendHistory(
  socket: WebSocket,
  key: string,
  sessionId: string,
  deps: ChatSocketDeps,
  headers: Record<string, string>,
): Promise<void> {
  try {
    const raw = await deps.orchestrator
      .json<unknown>(`/v1/sessions/${encodeURIComponent(sessionId)}/turns`, { headers })
      .catch((err: unknown) => {
        // A session the orchestrator has never seen simply has no history yet.
        if (err instanceof CodedError && err.code === 'not_found') return { turns: [] };
        throw err;
      });
    const parsed = SessionTurnsResponse.safeParse(raw);
    if (!parsed.success) throw new CodedError('upstream_error', 'the orchestrator sent turns outside the contract');
    sendFrame(socket, {
      type: 'history',
      session_id: sessionId,
      turns: parsed.data.turns,
      in_flight: deps.hub.isInFlight(key),
    });
  } catch (err) {
    const e = err instanceof CodedError ? err : new CodedError('internal', 'could not load the history');
    sendFrame(socket, { type: 'error', code: e.code, message: e.message });
  }
}
