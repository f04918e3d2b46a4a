import type { ActionResult, PendingAction, ServerFrame, TurnStatus } from '@pagi/contracts';
import { applyHistory } from './chatHistory.ts';

/**
 * Where one approval card stands: waiting for the person, a decision in flight, or final.
 * `pending` → `approving`/`denying` (frame sent) → `executed` | `failed` | `denied` | `expired` | `refused`.
 */
export type ApprovalPhase =
  | 'pending'
  | 'approving'
  | 'denying'
  | 'executed'
  | 'failed'
  | 'denied'
  | 'expired'
  | 'refused';

export interface ActionEntry {
  action: PendingAction;
  phase: ApprovalPhase;
  result?: ActionResult;
  error?: string;
}

export interface UserMessage {
  kind: 'user';
  id: string;
  sessionId: string;
  text: string;
  at: number;
}

export interface AssistantTurn {
  kind: 'assistant';
  id: string;
  jobId: string | null;
  sessionId: string;
  /** Text written before any action ran (or the whole answer when none ran). */
  text: string;
  /** The answer written after an approved action ran. */
  followUp: string;
  /** Tokens go to `followUp` once an action has been decided. */
  afterAction: boolean;
  stage: string | null;
  streaming: boolean;
  status?: TurnStatus;
  actionsTaken: string[];
  provider?: string;
  fallback?: boolean;
  actions: ActionEntry[];
  error?: string;
}

export type ChatEntry = UserMessage | AssistantTurn;

export interface ChatState {
  bySession: Record<string, ChatEntry[]>;
  /** Errors not tied to a turn (e.g. a rejected frame). */
  notice: string | null;
}

export type ChatEvent =
  | { type: 'send'; sessionId: string; text: string; id: string; at: number }
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'decide'; actionId: string; decision: 'approve' | 'deny' }
  | { type: 'decision_failed'; actionId: string; message: string }
  | { type: 'dismiss_notice' };

export const initialChatState: ChatState = { bySession: {}, notice: null };

const FINAL_ERROR_PHASE: Record<string, ApprovalPhase> = {
  expired: 'expired',
  already_decided: 'refused',
  forbidden: 'refused',
  not_found: 'refused',
};

export function phaseOf(action: PendingAction): ApprovalPhase {
  switch (action.status) {
    case 'executed':
    case 'approved':
      return 'executed';
    case 'failed':
    case 'interrupted':
      return 'failed';
    case 'denied':
      return 'denied';
    case 'expired':
      return 'expired';
    default:
      return 'pending';
  }
}

const isOpen = (p: ApprovalPhase) => p === 'pending' || p === 'approving' || p === 'denying';

export function newTurn(sessionId: string, jobId: string | null, id: string): AssistantTurn {
  return {
    kind: 'assistant',
    id,
    jobId,
    sessionId,
    text: '',
    followUp: '',
    afterAction: false,
    stage: null,
    streaming: true,
    actionsTaken: [],
    actions: [],
  };
}

/** Finds the turn a frame belongs to: by job id, else the oldest turn still waiting for its job id. */
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
function mapAction(state: ChatState, actionId: string, fn: (a: ActionEntry) => ActionEntry): ChatState {
  const bySession: ChatState['bySession'] = {};
  for (const [sid, entries] of Object.entries(state.bySession)) {
    bySession[sid] = entries.map((e) =>
      e.kind === 'assistant' && e.actions.some((a) => a.action.action_id === actionId)
        ? { ...e, actions: e.actions.map((a) => (a.action.action_id === actionId ? fn(a) : a)) }
        : e,
    );
  }
  return { ...state, bySession };
}

function applyFrame(state: ChatState, frame: ServerFrame): ChatState {
  switch (frame.type) {
    case 'status':
      return updateTurn(state, frame.session_id, frame.job_id, (t) => ({ ...t, stage: frame.stage, streaming: true }));
    case 'response':
      return updateTurn(state, frame.session_id, frame.job_id, (t) => {
        const key = t.afterAction ? 'followUp' : 'text';
        if (!frame.done) return { ...t, [key]: t[key] + (frame.token ?? ''), streaming: true };
        const denied = frame.status === 'denied';
        return {
          ...t,
          [key]: frame.message ?? t[key],
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
          return updateTurn(state, sid, jobId, (t) => ({ ...t, streaming: false, stage: null, error: frame.message }));
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

export function chatReducer(state: ChatState, event: ChatEvent): ChatState {
  switch (event.type) {
    case 'send': {
      const entries = state.bySession[event.sessionId] ?? [];
      const user: UserMessage = {
        kind: 'user',
        id: `u-${event.id}`,
        sessionId: event.sessionId,
        text: event.text,
        at: event.at,
      };
      const turn = { ...newTurn(event.sessionId, null, `a-${event.id}`), stage: 'sending' };
      return { ...state, bySession: { ...state.bySession, [event.sessionId]: [...entries, user, turn] } };
    }
    case 'frame':
      return applyFrame(state, event.frame);
    case 'decide':
      return mapAction(state, event.actionId, (a) =>
        a.phase === 'pending'
          ? { ...a, phase: event.decision === 'approve' ? 'approving' : 'denying', error: undefined }
          : a,
      );
    case 'decision_failed':
      return mapAction(state, event.actionId, (a) => ({ ...a, phase: 'pending', error: event.message }));
    case 'dismiss_notice':
      return { ...state, notice: null };
  }
}

/** Approval cards still waiting for the person, across a session. */
export function openApprovals(entries: ChatEntry[]): ActionEntry[] {
  return entries.flatMap((e) => (e.kind === 'assistant' ? e.actions.filter((a) => a.phase === 'pending') : []));
}
