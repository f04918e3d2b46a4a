import type { ChatResponse, TurnEvent } from '@pagi/contracts';

/** Receives the turn's events as they happen (the SSE stream of the request, or nothing). */
export type Sink = (event: TurnEvent) => void;
export const noop: Sink = () => {};

/** Sends a written answer: its text, then the final event with the turn's outcome. */
export function sendAnswer(sink: Sink, response: ChatResponse): void {
  const ids = { job_id: response.job_id, session_id: response.session_id };
  if (response.response) sink({ type: 'response', ...ids, done: false, token: response.response });
  sink({
    type: 'response',
    ...ids,
    done: true,
    message: response.response,
    actions_taken: response.actions_taken,
    status: response.status,
    planner: response.planner,
  });
}
