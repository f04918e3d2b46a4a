import type { ChatResponse, TurnEvent } from '@pagi/contracts';

/** Receives the turn's events as they happen (the SSE stream of the request, or nothing). */
export type Sink = (event: TurnEvent) => void;
export const noop: Sink = () => {};

/** The text-piece callback of a turn: each piece goes out as a `response` token; `used` says whether any did. */
export function textStream(sink: Sink, ids: { job_id: string; session_id: string }) {
  const stream = {
    used: false,
    /** What was streamed so far. */
    text: '',
    onText: (token: string) => {
      stream.used = true;
      stream.text += token;
      sink({ type: 'response', ...ids, done: false, token });
    },
  };
  return stream;
}

/**
 * Sends a written answer: its text (unless it already went out piece by piece as the model wrote it), then the final
 * event with the turn's outcome and the whole text.
 */
export function sendAnswer(sink: Sink, response: ChatResponse, streamed = false): void {
  const ids = { job_id: response.job_id, session_id: response.session_id };
  if (response.response && !streamed) sink({ type: 'response', ...ids, done: false, token: response.response });
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
