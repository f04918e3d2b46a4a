import type { ChatRequest } from '@pagi/contracts';
import type { ChatEngineDeps } from './chat-engine.ts';

/**
 * A turn the person stopped before it was planned still belongs to the conversation: its question is recorded, with
 * what the model had written until then and the status `stopped`, so the history after a reload reads as it did live.
 */
export function recordStopped(
  d: Pick<ChatEngineDeps, 'events' | 'planner'>,
  req: ChatRequest,
  ids: { job_id: string; session_id: string },
  written: string,
): void {
  d.events.emit({
    type: 'turn.answered',
    phase: 'planned',
    twin_id: req.twin_id,
    message: req.message,
    action: 'respond',
    response: {
      ...ids,
      response: written,
      status: 'stopped',
      actions_taken: [],
      planner: { provider: d.planner.provider, fallback: false },
      raw_orchestrator_decision: '',
    },
  });
}
