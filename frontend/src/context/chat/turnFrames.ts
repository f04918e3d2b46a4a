import type { PendingAction, ServerFrame } from '@pagi/contracts';
import { applyHistory } from './chatHistory.ts';
import {
  type ActionEntry,
  type ApprovalPhase,
  type AssistantTurn,
  type ChatEntry,
  type ChatState,
  isOpen,
  mapAction,
  newTurn,
  phaseOf,
} from './chatModel.ts';

const FINAL_ERROR_PHASE: Record<string, ApprovalPhase> = {
  expired: 'expired',
  already_decided: 'refused',
  forbidden: 'refused',
  not_found: 'refused',
};

function locate(entries: ChatEntry[], sessionId: string, jobId: string): [ChatEntry[], number] {
  let idx = entries.findIndex((e) => e.kind === 'assistant' && e.jobId === jobId);
  if (idx >= 0) return [entries, idx];
  idx = entries.findIndex((e) => e.kind === 'assistant' && e.jobId === null);
  if (idx >= 0) {
    const next = entries.slice();
    next[idx] = { ...(entries[idx] as AssistantTurn), jobId };
    return [next, idx];
  }
  return [[...entries, newTurn(sessionId, jobId, `job-${jobId}`)], entries.length];
}

function updateTurn(
  state: ChatState,
  sessionId: string,
  jobId: string,
  fn: (turn: AssistantTurn) => AssistantTurn,
): ChatState {
  const [entries, idx] = locate(state.bySession[sessionId] ?? [], sessionId, jobId);
  const next = entries.slice();
  next[idx] = fn(entries[idx] as AssistantTurn);
  return { ...state, bySession: { ...state.bySession, [sessionId]: next } };
}

function upsertAction(turn: AssistantTurn, action: PendingAction, patch: Partial<ActionEntry>): AssistantTurn {
  const i = turn.actions.findIndex((a) => a.action.action_id === action.action_id);
  const actions = turn.actions.slice();
  if (i < 0) actions.push({ action, phase: phaseOf(action), ...patch });
  else actions[i] = { ...actions[i]!, action, ...patch };
  return { ...turn, actions };
}

/** Applies one action to every entry of every session holding that action id. */

/** One server frame applied to the conversations; `at` is when it arrived (the finished answer's timestamp). */
export function applyFrame(state: ChatState, frame: ServerFrame, at: number): ChatState {
  switch (frame.type) {
    case 'status':
      return updateTurn(state, frame.session_id, frame.job_id, (t) => ({ ...t, stage: frame.stage, streaming: true }));
    case 'message':
      return applyMessage(state, frame);
    case 'response':
      return updateTurn(state, frame.session_id, frame.job_id, (t) => {
        // Once the turn asked for approval, what follows is the answer after the decision (a denial included).
        const key = t.afterAction || t.status === 'awaiting_approval' ? 'followUp' : 'text';
        if (!frame.done) return { ...t, [key]: t[key] + (frame.token ?? ''), streaming: true };
        const denied = frame.status === 'denied';
        return {
          ...t,
          [key]: frame.message ?? t[key],
          afterAction: t.afterAction || key === 'followUp',
          at: at || t.at,
          streaming: false,
          stage: null,
          status: frame.status ?? t.status,
          actionsTaken: frame.actions_taken ?? t.actionsTaken,
          provider: frame.planner?.provider ?? t.provider,
          fallback: frame.planner?.fallback ?? t.fallback,
          actions: denied
            ? t.actions.map((a) => (isOpen(a.phase) ? { ...a, phase: 'denied' as const, error: undefined } : a))
            : t.actions,
        };
      });
    case 'approval_required':
      return updateTurn(state, frame.session_id, frame.job_id, (t) => {
        const known = t.actions.find((a) => a.action.action_id === frame.action.action_id);
        // A replayed card must not reopen a decision already made.
        if (known && !isOpen(known.phase)) return t;
        return upsertAction({ ...t, streaming: false }, frame.action, known ? {} : { phase: 'pending' });
      });
    case 'action_result':
      return updateTurn(state, frame.session_id, frame.job_id, (t) => {
        const phase = phaseOf(frame.action);
        const withAction = upsertAction(t, frame.action, {
          phase: phase === 'pending' ? 'executed' : phase,
          result: frame.result,
          error: undefined,
        });
        const answerFollows = phase !== 'denied' && phase !== 'expired';
        return {
          ...withAction,
          afterAction: true,
          streaming: answerFollows,
          stage: answerFollows ? 'answering' : null,
        };
      });
    case 'error': {
      if (frame.action_id) return applyActionError(state, frame.action_id, frame.code, frame.message);
      if (frame.job_id) {
        const jobId = frame.job_id;
        const sid = Object.keys(state.bySession).find((s) =>
          state.bySession[s]!.some((e) => e.kind === 'assistant' && e.jobId === jobId),
        );
        if (sid) {
          // Stopped before it proposed anything: recorded so, and shown so after a reload.
          const stopped = (t: AssistantTurn) => frame.code === 'cancelled' && t.actions.length === 0;
          return updateTurn(state, sid, jobId, (t) => ({
            ...t,
            streaming: false,
            stage: null,
            error: frame.message,
            ...(stopped(t) ? { status: 'stopped' as const } : {}),
          }));
        }
      }
      return failWaitingTurns(state, frame.message);
    }
    case 'history':
      return applyHistory(state, frame.session_id, frame.turns);
    default:
      return state;
  }
}

/**
 * A decision the server refused. While the decision is in flight the card returns to "pending" (or closes when
 * the refusal is final); an error after the action already ran belongs to the turn's answer instead.
 */
function applyActionError(state: ChatState, actionId: string, code: string, message: string): ChatState {
  const finalPhase = FINAL_ERROR_PHASE[code];
  let inFlight = false;
  let next = mapAction(state, actionId, (a) => {
    if (a.phase !== 'approving' && a.phase !== 'denying' && a.phase !== 'pending') return a;
    inFlight = true;
    return { ...a, phase: finalPhase ?? 'pending', error: message };
  });
  const bySession: ChatState['bySession'] = {};
  for (const [sid, entries] of Object.entries(next.bySession)) {
    bySession[sid] = entries.map((e) =>
      e.kind === 'assistant' && e.actions.some((a) => a.action.action_id === actionId)
        ? { ...e, streaming: false, stage: null, error: inFlight ? e.error : message }
        : e,
    );
  }
  next = { ...next, bySession };
  return next;
}

/** An error for no particular job ends the turns still waiting for their first frame. */
function failWaitingTurns(state: ChatState, message: string): ChatState {
  let touched = false;
  const bySession: ChatState['bySession'] = {};
  for (const [sid, entries] of Object.entries(state.bySession)) {
    bySession[sid] = entries.map((e) => {
      if (e.kind !== 'assistant' || e.jobId !== null || !e.streaming) return e;
      touched = true;
      return { ...e, streaming: false, stage: null, error: message };
    });
  }
  return touched ? { ...state, bySession } : { ...state, notice: message };
}

/**
 * The person's message that started a turn. The tab that sent it already shows it (its waiting turn, after the
 * same text, takes the job id); any other tab or device following the session adds the message and the turn.
 */
function applyMessage(state: ChatState, frame: Extract<ServerFrame, { type: 'message' }>): ChatState {
  const entries = state.bySession[frame.session_id] ?? [];
  if (entries.some((e) => e.kind === 'assistant' && e.jobId === frame.job_id)) return state;
  const mine = entries.findIndex((e, i) => {
    const before = entries[i - 1];
    return e.kind === 'assistant' && e.jobId === null && before?.kind === 'user' && before.text === frame.message;
  });
  const next = entries.slice();
  if (mine >= 0) {
    next[mine] = { ...(entries[mine] as AssistantTurn), jobId: frame.job_id };
  } else {
    const at = Date.parse(frame.created_at) || 0;
    next.push(
      { kind: 'user', id: `u-h-${frame.job_id}`, sessionId: frame.session_id, text: frame.message, at },
      { ...newTurn(frame.session_id, frame.job_id, `job-${frame.job_id}`), stage: 'planning' },
    );
  }
  return { ...state, bySession: { ...state.bySession, [frame.session_id]: next } };
}
