// A conversation redrawn from the orchestrator's record reads as it did live: the approval request, its card with
// the result, then the answer after the decision (approved or denied).
import type { ActionResult, ChatResponse, PendingAction, SessionTurn } from '@pagi/contracts';
import { describe, expect, it } from 'vitest';
import { frame, run, S, send } from '../../test/chat-events.ts';
import { toolAction } from '../../test/fixtures.ts';
import { type ChatEntry, type ChatState, chatReducer, initialChatState } from './chatModel.ts';

const INTRO = "I'd like to run `echo hi`. Approve or deny this request.";
const RESULT: ActionResult = {
  kind: 'execute_tool',
  tool_name: 'echo',
  args: ['hi'],
  output: 'hi\n',
  stderr: '',
  exit_code: 0,
  truncated: false,
  timed_out: false,
  duration_ms: 2,
  sandbox: 'bwrap',
};

/** What a person sees of a conversation, without ids and times. */
const seen = (entries: ChatEntry[]) =>
  entries.map((e) =>
    e.kind === 'user'
      ? { user: e.text }
      : {
          text: e.text,
          followUp: e.followUp,
          status: e.status,
          error: e.error,
          cards: e.actions.map((a) => ({ phase: a.phase, args: a.action.args, result: a.result })),
        },
  );

function live(decision: 'approve' | 'deny', final: string): ChatState {
  const action = toolAction({ session_id: S, job_id: 'job-1', args: { tool_name: 'echo', args: ['hi'], reason: '' } });
  const decided: PendingAction = { ...action, status: decision === 'approve' ? 'executed' : 'denied' };
  return run([
    send('run echo hi'),
    frame({
      type: 'message',
      job_id: 'job-1',
      session_id: S,
      message: 'run echo hi',
      created_at: '2026-05-01T10:00:00Z',
    }),
    frame({ type: 'status', job_id: 'job-1', session_id: S, stage: 'planning' }),
    frame({ type: 'approval_required', job_id: 'job-1', session_id: S, action }),
    frame({ type: 'response', job_id: 'job-1', session_id: S, done: false, token: INTRO }),
    frame({
      type: 'response',
      job_id: 'job-1',
      session_id: S,
      done: true,
      message: INTRO,
      status: 'awaiting_approval',
    }),
    { type: 'decide', actionId: action.action_id, decision },
    ...(decision === 'approve'
      ? [frame({ type: 'action_result', job_id: 'job-1', session_id: S, action: decided, result: RESULT })]
      : []),
    frame({ type: 'response', job_id: 'job-1', session_id: S, done: false, token: final }),
    frame({
      type: 'response',
      job_id: 'job-1',
      session_id: S,
      done: true,
      message: final,
      status: decision === 'approve' ? 'completed' : 'denied',
    }),
  ]);
}

function recorded(decision: 'approve' | 'deny', final: string): ChatState {
  const action = toolAction({ session_id: S, job_id: 'job-1', args: { tool_name: 'echo', args: ['hi'], reason: '' } });
  const response: ChatResponse = {
    response: final,
    intro: INTRO,
    job_id: 'job-1',
    session_id: S,
    actions_taken: [],
    status: decision === 'approve' ? 'completed' : 'denied',
    planner: { provider: 'mock', fallback: false },
    issued_command: { ...action, status: decision === 'approve' ? 'executed' : 'denied' },
    ...(decision === 'approve' ? { action_result: RESULT } : {}),
    raw_orchestrator_decision: '{}',
  };
  const turn: SessionTurn = {
    job_id: 'job-1',
    session_id: S,
    twin_id: 'twin-default',
    message: 'run echo hi',
    status: response.status,
    response,
    created_at: '2026-05-01T10:00:00.000Z',
    updated_at: '2026-05-01T10:00:05.000Z',
  };
  return chatReducer(initialChatState, {
    type: 'frame',
    frame: { type: 'history', session_id: S, turns: [turn], in_flight: false },
  });
}

describe('history after a reload', () => {
  it('equals the live view of a turn stopped while it was being written', () => {
    const live = run([
      send('tell me a story'),
      frame({
        type: 'message',
        job_id: 'job-2',
        session_id: S,
        message: 'tell me a story',
        created_at: '2026-05-01T10:00:00Z',
      }),
      frame({ type: 'status', job_id: 'job-2', session_id: S, stage: 'planning' }),
      frame({ type: 'response', job_id: 'job-2', session_id: S, done: false, token: 'Once upon' }),
      frame({ type: 'error', code: 'cancelled', message: 'Stopped.', job_id: 'job-2' }),
    ]);
    const response: ChatResponse = {
      response: 'Once upon',
      job_id: 'job-2',
      session_id: S,
      actions_taken: [],
      status: 'stopped',
      planner: { provider: 'openrouter', fallback: false },
      raw_orchestrator_decision: '',
    };
    const recorded = chatReducer(initialChatState, {
      type: 'frame',
      frame: {
        type: 'history',
        session_id: S,
        in_flight: false,
        turns: [
          {
            job_id: 'job-2',
            session_id: S,
            twin_id: 'twin-default',
            message: 'tell me a story',
            status: 'stopped',
            response,
            created_at: '2026-05-01T10:00:00.000Z',
            updated_at: '2026-05-01T10:00:01.000Z',
          },
        ],
      },
    });
    const l = seen(live.bySession[S]!);
    expect(l[1]).toMatchObject({ text: 'Once upon', error: 'Stopped.' });
    expect(seen(recorded.bySession[S]!)).toEqual(l);
  });

  it('equals the live view of an approved run', () => {
    const final = '`echo hi` finished successfully. It printed 1 line, shown in the result above.';
    const l = seen(live('approve', final).bySession[S]!);
    expect(l[1]).toMatchObject({ text: INTRO, followUp: final, cards: [{ phase: 'executed' }] });
    expect(seen(recorded('approve', final).bySession[S]!)).toEqual(l);
  });

  it('equals the live view of a denied run', () => {
    const final = 'I did not run `echo hi`.';
    const l = seen(live('deny', final).bySession[S]!);
    expect(l[1]).toMatchObject({ text: INTRO, followUp: final, cards: [{ phase: 'denied' }] });
    expect(seen(recorded('deny', final).bySession[S]!)).toEqual(l);
  });
});
