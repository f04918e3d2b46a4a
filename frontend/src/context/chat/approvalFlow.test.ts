// The chat reducer's side of approvals: cards from pending to decided, and results kept on them.
import { describe, expect, it } from 'vitest';
import { frame, run, S, send, turns } from '../../test/chat-events.ts';
import { memoryAction, toolAction } from '../../test/fixtures.ts';
import { chatReducer, openApprovals } from './chatModel.ts';

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
