import { describe, expect, it } from 'vitest';
import { frame, run, S, send, turns } from '../../test/chat-events.ts';
import { toolAction } from '../../test/fixtures.ts';
import { chatReducer, initialChatState } from './chatModel.ts';

describe('chat frame reducer', () => {
  it('streams tokens into the waiting turn and finishes it with the full message', () => {
    const s = run([
      send('hi'),
      frame({ type: 'status', job_id: 'j1', session_id: S, stage: 'planning' }),
      frame({ type: 'response', job_id: 'j1', session_id: S, done: false, token: 'Hel' }),
      frame({ type: 'response', job_id: 'j1', session_id: S, done: false, token: 'lo' }),
    ]);
    const [t] = turns(s);
    expect(s.bySession[S]![0]).toMatchObject({ kind: 'user', text: 'hi' });
    expect(t).toMatchObject({ jobId: 'j1', text: 'Hello', streaming: true, stage: 'planning' });

    const done = chatReducer(
      s,
      frame({
        type: 'response',
        job_id: 'j1',
        session_id: S,
        done: true,
        message: 'Hello there',
        status: 'completed',
        actions_taken: ['respond'],
        planner: { provider: 'mock', fallback: false },
      }),
    );
    expect(turns(done)[0]).toMatchObject({
      text: 'Hello there',
      streaming: false,
      status: 'completed',
      actionsTaken: ['respond'],
      provider: 'mock',
    });
  });

  it('gives each job id to the oldest waiting turn, so two quick messages do not mix', () => {
    const s = run([
      send('one', '1'),
      send('two', '2'),
      frame({ type: 'response', job_id: 'jA', session_id: S, done: false, token: 'A' }),
      frame({ type: 'response', job_id: 'jB', session_id: S, done: false, token: 'B' }),
      frame({ type: 'response', job_id: 'jA', session_id: S, done: false, token: 'a' }),
    ]);
    expect(turns(s).map((t) => [t.jobId, t.text])).toEqual([
      ['jA', 'Aa'],
      ['jB', 'B'],
    ]);
  });

  it('ends a waiting turn with the error when the gateway rejects the message', () => {
    const s = run([send('hi'), frame({ type: 'error', code: 'bad_frame', message: 'message must not be empty' })]);
    expect(turns(s)[0]).toMatchObject({ streaming: false, error: 'message must not be empty' });
    expect(s.notice).toBeNull();
  });
});

describe('history after resume', () => {
  it('rebuilds the conversation from the record and keeps a turn still in flight locally', () => {
    const local = run([send('newer question', '9')]);
    const s = chatReducer(
      local,
      frame({
        type: 'history',
        session_id: S,
        in_flight: true,
        turns: [
          {
            job_id: 'job-1',
            session_id: S,
            twin_id: 'twin-default',
            message: 'run echo',
            status: 'completed',
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:01.000Z',
            response: {
              response: 'It printed hello.',
              job_id: 'job-1',
              session_id: S,
              actions_taken: ['execute_tool:echo'],
              status: 'completed',
              planner: { provider: 'mock', fallback: false },
              issued_command: toolAction({ status: 'executed' }),
              raw_orchestrator_decision: '{}',
            },
          },
        ],
      }),
    );
    const entries = s.bySession[S]!;
    expect(entries.map((e) => (e.kind === 'user' ? `user:${e.text}` : `assistant:${e.jobId}`))).toEqual([
      'user:run echo',
      'assistant:job-1',
      'user:newer question',
      'assistant:null',
    ]);
    expect(turns(s)[0]!.actions[0]!.phase).toBe('executed');
  });

  it('rebuilds the card of an approved turn from its recorded result', () => {
    const s = chatReducer(
      initialChatState,
      frame({
        type: 'history',
        session_id: S,
        in_flight: false,
        turns: [
          {
            job_id: 'job-2',
            session_id: S,
            twin_id: 'twin-default',
            message: 'run echo hi',
            status: 'completed',
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:01.000Z',
            response: {
              response: 'It printed hi.',
              job_id: 'job-2',
              session_id: S,
              actions_taken: ['execute_tool:echo'],
              status: 'completed',
              planner: { provider: 'mock', fallback: false },
              action_result: {
                kind: 'execute_tool',
                tool_name: 'echo',
                args: ['hi'],
                output: 'hi\n',
                stderr: '',
                exit_code: 0,
                truncated: false,
                timed_out: false,
                duration_ms: 3,
                sandbox: 'bwrap',
              },
              raw_orchestrator_decision: '{}',
            },
          },
        ],
      }),
    );
    const t = turns(s)[0]!;
    expect(t.actions[0]).toMatchObject({
      phase: 'executed',
      action: { kind: 'execute_tool', args: { tool_name: 'echo', args: ['hi'] } },
    });
    expect(t.followUp).toBe('It printed hi.');
  });
});
