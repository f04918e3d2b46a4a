import type { ServerFrame } from '@pagi/contracts';
import { describe, expect, it } from 'vitest';
import { memoryAction, toolAction } from '../../test/fixtures.ts';
import {
  type AssistantTurn,
  type ChatEvent,
  type ChatState,
  chatReducer,
  initialChatState,
  openApprovals,
} from './chatModel.ts';

const S = 'session-a';
const run = (events: ChatEvent[], from: ChatState = initialChatState) => events.reduce(chatReducer, from);
const frame = (f: ServerFrame): ChatEvent => ({ type: 'frame', frame: f });
const send = (text: string, id = '1'): ChatEvent => ({ type: 'send', sessionId: S, text, id, at: 0 });
const turns = (s: ChatState) => (s.bySession[S] ?? []).filter((e): e is AssistantTurn => e.kind === 'assistant');

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

describe('approval flow state', () => {
  const pending = [
    send('run echo'),
    frame({ type: 'response', job_id: 'job-1', session_id: S, done: false, token: 'I need your approval.' }),
    frame({ type: 'approval_required', job_id: 'job-1', session_id: S, action: toolAction() }),
    frame({
      type: 'response',
      job_id: 'job-1',
      session_id: S,
      done: true,
      message: 'I need your approval.',
      status: 'awaiting_approval',
    }),
  ];

  it('shows a pending card, then approving, then the result in place and the answer after it', () => {
    let s = run(pending);
    expect(openApprovals(s.bySession[S]!)).toHaveLength(1);
    expect(turns(s)[0]!.actions[0]!.phase).toBe('pending');

    s = chatReducer(s, { type: 'decide', actionId: 'act-1', decision: 'approve' });
    expect(turns(s)[0]!.actions[0]!.phase).toBe('approving');
    expect(openApprovals(s.bySession[S]!)).toHaveLength(0);

    s = run(
      [
        frame({
          type: 'action_result',
          job_id: 'job-1',
          session_id: S,
          action: toolAction({ status: 'executed' }),
          result: {
            kind: 'execute_tool',
            tool_name: 'echo',
            args: ['hello', 'world'],
            output: 'hello world\n',
            stderr: '',
            exit_code: 0,
            truncated: false,
            timed_out: false,
            duration_ms: 12,
            sandbox: 'bwrap',
          },
        }),
        frame({ type: 'response', job_id: 'job-1', session_id: S, done: false, token: 'It printed ' }),
        frame({
          type: 'response',
          job_id: 'job-1',
          session_id: S,
          done: true,
          message: 'It printed hello world.',
          status: 'completed',
          actions_taken: ['execute_tool:echo'],
        }),
      ],
      s,
    );
    const t = turns(s)[0]!;
    expect(t.actions[0]).toMatchObject({ phase: 'executed', result: { output: 'hello world\n' } });
    expect(t.text).toBe('I need your approval.');
    expect(t.followUp).toBe('It printed hello world.');
    expect(t.actionsTaken).toEqual(['execute_tool:echo']);
  });

  it('marks the card denied when the turn ends denied', () => {
    const s = run([
      ...pending,
      { type: 'decide', actionId: 'act-1', decision: 'deny' },
      frame({
        type: 'response',
        job_id: 'job-1',
        session_id: S,
        done: true,
        message: 'Okay, I will not run it.',
        status: 'denied',
      }),
    ]);
    expect(turns(s)[0]!.actions[0]!.phase).toBe('denied');
    expect(turns(s)[0]!.status).toBe('denied');
  });

  it('closes the card when the server says the action was already decided, and reopens it on a transient failure', () => {
    const decided = run([
      ...pending,
      { type: 'decide', actionId: 'act-1', decision: 'approve' },
      frame({ type: 'error', code: 'already_decided', message: 'already decided', action_id: 'act-1' }),
    ]);
    expect(turns(decided)[0]!.actions[0]).toMatchObject({ phase: 'refused', error: 'already decided' });

    const transient = run([
      ...pending,
      { type: 'decide', actionId: 'act-1', decision: 'approve' },
      frame({ type: 'error', code: 'upstream_unavailable', message: 'orchestrator down', action_id: 'act-1' }),
    ]);
    expect(turns(transient)[0]!.actions[0]).toMatchObject({ phase: 'pending', error: 'orchestrator down' });
  });

  it('does not reopen a decided card when the approval request is replayed after a reconnect', () => {
    const s = run([
      ...pending,
      { type: 'decide', actionId: 'act-1', decision: 'approve' },
      frame({ type: 'approval_required', job_id: 'job-1', session_id: S, action: toolAction() }),
    ]);
    expect(turns(s)[0]!.actions).toHaveLength(1);
    expect(turns(s)[0]!.actions[0]!.phase).toBe('approving');
  });

  it('ignores a decision for a card that is no longer pending', () => {
    const s = run([
      ...pending,
      { type: 'decide', actionId: 'act-1', decision: 'deny' },
      { type: 'decide', actionId: 'act-1', decision: 'approve' },
    ]);
    expect(turns(s)[0]!.actions[0]!.phase).toBe('denying');
  });

  it('keeps memory results with their domains on the card', () => {
    const s = run([
      send('search'),
      frame({ type: 'approval_required', job_id: 'j', session_id: S, action: memoryAction() }),
      frame({
        type: 'action_result',
        job_id: 'j',
        session_id: S,
        action: memoryAction({ status: 'executed' }),
        result: {
          kind: 'query_memory',
          query: 'security policy',
          results: [
            { id: 'c1', content: 'Rotate keys', domain: 'soul', score: 0.91, source_file: 'sec.md', metadata: {} },
          ],
          domain_attribution: { soul: { share: 1, mean_score: 0.91, count: 1 } },
        },
      }),
    ]);
    const entry = turns(s)[0]!.actions[0]!;
    expect(entry.phase).toBe('executed');
    expect(entry.result?.kind === 'query_memory' && entry.result.results[0]!.domain).toBe('soul');
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
