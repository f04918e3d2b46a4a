import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket, renderChat } from '../../test/chat-harness.tsx';
import { toolAction } from '../../test/fixtures.ts';

async function sendMessage(text: string, socket: FakeSocket) {
  await userEvent.type(screen.getByLabelText('Message your twin'), `${text}{Enter}`);
  const chat = socket.sent.find((f) => f.type === 'chat' && f.message === text);
  expect(chat).toBeDefined();
  return chat as { session_id: string };
}

beforeEach(() => {
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ sessions: [] }), { status: 200 })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('chat approvals', () => {
  it('shows invisible and direction-changing characters of the argv as visible escapes', async () => {
    const socket = renderChat();
    const { session_id } = await sendMessage('run cat a file', socket);
    const sneaky = ['invoice\u202Egnp.exe', 'zero\u200Bwidth', 'two\nlines'];
    const action = toolAction({ session_id, args: { tool_name: 'cat', args: sneaky, reason: '' } });
    act(() => socket.push({ type: 'approval_required', job_id: 'job-1', session_id, action }));
    const card = await screen.findByTestId('approval-card');
    const shown = within(card)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(shown).toEqual(['invoice\\u{202E}gnp.exe', 'zero\\u{200B}width', 'two\\nlines']);
    expect(card.textContent).not.toMatch(/[\u202E\u200B]/);
  });

  it('shows exactly the tool and argv, sends the approval for that action, and shows the output in place', async () => {
    const socket = renderChat();
    const { session_id } = await sendMessage('run echo hello', socket);
    const action = toolAction({ session_id });
    act(() => socket.push({ type: 'approval_required', job_id: 'job-1', session_id, action }));

    const card = await screen.findByTestId('approval-card');
    expect(within(card).getByTestId('approval-tool').textContent).toBe('echo');
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['hello', 'world']);

    await userEvent.click(within(card).getByRole('button', { name: /approve/i }));
    expect(socket.sent.at(-1)).toEqual({ type: 'approval', action_id: 'act-1', decision: 'approve', session_id });
    expect(within(card).getByRole('button', { name: /approve/i })).toHaveProperty('disabled', true);

    act(() => {
      socket.push({
        type: 'action_result',
        job_id: 'job-1',
        session_id,
        action: { ...action, status: 'executed' },
        result: {
          kind: 'execute_tool',
          tool_name: 'echo',
          args: ['hello', 'world'],
          output: 'hello world',
          stderr: '',
          exit_code: 0,
          truncated: false,
          timed_out: false,
          duration_ms: 4,
          sandbox: 'bwrap',
        },
      });
      socket.push({
        type: 'response',
        job_id: 'job-1',
        session_id,
        done: true,
        message: 'The tool printed hello world.',
        status: 'completed',
        actions_taken: ['execute_tool:echo'],
      });
    });
    expect(screen.getByTestId('tool-output').textContent).toBe('hello world');
    expect(screen.getByTestId('final-answer').textContent).toContain('The tool printed hello world.');
    expect(screen.getByTestId('actions-taken').textContent).toContain('execute_tool:echo');
    expect(screen.queryByRole('button', { name: /approve/i })).toBeNull();
  });

  it('denies: sends the deny frame and the card says nothing was run', async () => {
    const socket = renderChat();
    const { session_id } = await sendMessage('run rm', socket);
    act(() =>
      socket.push({ type: 'approval_required', job_id: 'job-1', session_id, action: toolAction({ session_id }) }),
    );
    await userEvent.click(await screen.findByRole('button', { name: /deny/i }));
    expect(socket.sent.at(-1)).toMatchObject({ type: 'approval', decision: 'deny', action_id: 'act-1' });
    act(() =>
      socket.push({ type: 'response', job_id: 'job-1', session_id, done: true, message: 'Not run.', status: 'denied' }),
    );
    expect(screen.getByTestId('approval-phase').textContent).toMatch(/denied/i);
  });

  it('says when it is offline, blocks sending, and resumes the session after reconnecting', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const socket = renderChat();
      const { session_id } = await sendMessage('hello', socket);
      // While the twin answers, Stop asks the gateway to cancel the answer.
      fireEvent.click(screen.getByRole('button', { name: /^stop$/i }));
      expect(socket.sent).toContainEqual({ type: 'stop', session_id });
      act(() => socket.drop());
      expect(screen.getByTestId('offline-banner')).toBeDefined();
      expect(screen.getByRole('button', { name: /send/i })).toHaveProperty('disabled', true);

      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      const next = FakeSocket.last!;
      expect(next).not.toBe(socket);
      act(() => next.open());
      expect(next.sent).toContainEqual({ type: 'resume', session_id });
      expect(screen.queryByTestId('offline-banner')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
