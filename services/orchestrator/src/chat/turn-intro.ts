import type { ChatResponse, SessionTurn } from '@pagi/contracts';
import type { ChatEngineDeps } from './chat-engine.ts';

/**
 * What the twin said when it asked for approval, carried into the answer that replaces it after the decision (none
 * when nobody was asked: a HITL bypass records no card).
 */
export function introOf(turn: SessionTurn | null): Pick<ChatResponse, 'intro'> {
  if (!turn?.response.issued_command) return {};
  return { intro: turn.response.intro ?? turn.response.response };
}

/** The turn of an expired action stops waiting in the history: it ends as failed, its card shown expired. */
export function closeExpiredTurn(d: Pick<ChatEngineDeps, 'actions' | 'turns' | 'events'>, actionId: string): void {
  const action = d.actions.get(actionId);
  const turn = action ? d.turns.get(action.job_id) : null;
  if (!action || turn?.status !== 'awaiting_approval') return;
  const { result: _r, error: _e, ...expired } = action;
  d.events.emit({
    type: 'turn.answered',
    phase: 'decided',
    twin_id: turn.twin_id,
    message: turn.message,
    action: action.kind,
    response: {
      ...turn.response,
      ...introOf(turn),
      issued_command: expired,
      status: 'failed',
      response: 'The request expired before it was approved; nothing was run.',
    },
  });
}
