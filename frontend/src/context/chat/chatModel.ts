import type { ActionResult, PendingAction, ServerFrame, TurnStatus } from '@pagi/contracts';
import { applyFrame } from './turnFrames.ts';

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
  /** When the answer was finished (ms since the epoch), for its timestamp. */
  at?: number;
}

export type ChatEntry = UserMessage | AssistantTurn;

export interface ChatState {
  bySession: Record<string, ChatEntry[]>;
  /** Errors not tied to a turn (e.g. a rejected frame). */
  notice: string | null;
}

export type ChatEvent =
  | { type: 'send'; sessionId: string; text: string; id: string; at: number }
  | { type: 'frame'; frame: ServerFrame; at?: number }
  | { type: 'decide'; actionId: string; decision: 'approve' | 'deny' }
  | { type: 'decision_failed'; actionId: string; message: string }
  | { type: 'dismiss_notice' }
  /** A deleted conversation leaves the browser's state too. */
  | { type: 'forget_session'; sessionId: string };

export const initialChatState: ChatState = { bySession: {}, notice: null };

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

export const isOpen = (p: ApprovalPhase) => p === 'pending' || p === 'approving' || p === 'denying';

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

export function mapAction(state: ChatState, actionId: string, fn: (a: ActionEntry) => ActionEntry): ChatState {
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
      return applyFrame(state, event.frame, event.at ?? 0);
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
    case 'forget_session': {
      const { [event.sessionId]: _gone, ...rest } = state.bySession;
      return { ...state, bySession: rest };
    }
  }
}

/** Approval cards still waiting for the person, across a session. */
export function openApprovals(entries: ChatEntry[]): ActionEntry[] {
  return entries.flatMap((e) => (e.kind === 'assistant' ? e.actions.filter((a) => a.phase === 'pending') : []));
}
