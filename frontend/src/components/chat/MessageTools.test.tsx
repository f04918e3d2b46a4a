// What each message offers in jsdom, with the real providers and components and the test playing the gateway:
// Copy on messages, answers and tool output; long output capped behind "Show all"; Regenerate and edit-and-resend
// of the last message; focus back in the message box after a decision; a message sent from another tab.
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket, renderChat } from '../../test/chat-harness.tsx';
import { toolAction } from '../../test/fixtures.ts';
import { SHOWN_LINES } from './ToolOutput.tsx';

let copied: string[] = [];
beforeEach(() => {
  copied = [];
  window.location.hash = '#/chat';
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ sessions: [] })),
  );
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'clipboard');
});

async function ask(socket: FakeSocket, text: string) {
  await userEvent.type(screen.getByLabelText('Message your twin'), `${text}{Enter}`);
  return (socket.sent.findLast((f) => f.type === 'chat') as { session_id: string }).session_id;
}

function answer(socket: FakeSocket, session_id: string, job_id: string, message: string) {
  act(() => socket.push({ type: 'response', job_id, session_id, done: true, message, status: 'completed' }));
}

describe('message tools', () => {
  it('copies a message and an answer, and shows when each was written', async () => {
    const socket = renderChat();
    const session = await ask(socket, 'what is **this**?');
    answer(socket, session, 'j1', 'It is *markdown*.');
    await userEvent.click(screen.getByRole('button', { name: 'Copy message' }));
    await userEvent.click(screen.getByRole('button', { name: 'Copy answer' }));
    expect(copied).toEqual(['what is **this**?', 'It is *markdown*.']);
    expect(screen.getAllByTestId('msg-time')).toHaveLength(2);
    // The person's own text is shown as typed; the answer is rendered.
    expect(screen.getByTestId('user-message').textContent).toContain('what is **this**?');
    expect(screen.getByTestId('assistant-message').querySelector('em')?.textContent).toBe('markdown');
  });

  it('regenerates the last answer by asking the same message again', async () => {
    const socket = renderChat();
    const session = await ask(socket, 'tell me a fact');
    answer(socket, session, 'j1', 'A fact.');
    await userEvent.click(screen.getByTestId('regenerate'));
    expect(socket.sent.filter((f) => f.type === 'chat').map((f) => f.message)).toEqual([
      'tell me a fact',
      'tell me a fact',
    ]);
    // While the new answer is written there is nothing to regenerate or edit.
    expect(screen.queryByTestId('regenerate')).toBeNull();
    expect(screen.queryByTestId('edit-message')).toBeNull();
  });

  it('edits the last message and sends it again; only the last one offers Edit', async () => {
    const socket = renderChat();
    const session = await ask(socket, 'first question');
    answer(socket, session, 'j1', 'First answer.');
    await ask(socket, 'secnd question');
    answer(socket, session, 'j2', 'Second answer.');
    expect(screen.getAllByTestId('edit-message')).toHaveLength(1);
    await userEvent.click(screen.getByTestId('edit-message'));
    const box = screen.getByLabelText('Edit your message');
    await userEvent.clear(box);
    await userEvent.type(box, 'second question{Enter}');
    expect((socket.sent.findLast((f) => f.type === 'chat') as { message: string }).message).toBe('second question');
    expect(screen.queryByLabelText('Edit your message')).toBeNull();
  });

  it('caps long tool output behind Show all, copies all of it, and returns focus after the decision', async () => {
    const socket = renderChat();
    const session_id = await ask(socket, 'run seq 1 50');
    const action = toolAction({ session_id, args: { tool_name: 'seq', args: ['1', '50'], reason: '' } });
    act(() => socket.push({ type: 'approval_required', job_id: 'job-1', session_id, action }));
    const card = await screen.findByTestId('approval-card');
    expect(within(card).getByTestId('approval-countdown').textContent).toMatch(/^Expires in \d+:\d\d$/);
    await userEvent.click(within(card).getByRole('button', { name: /approve/i }));
    expect(document.activeElement).toBe(screen.getByLabelText('Message your twin'));

    const output = Array.from({ length: 50 }, (_, i) => String(i + 1)).join('\n');
    act(() =>
      socket.push({
        type: 'action_result',
        job_id: 'job-1',
        session_id,
        action: { ...action, status: 'executed' },
        result: {
          kind: 'execute_tool',
          tool_name: 'seq',
          args: ['1', '50'],
          output,
          stderr: '',
          exit_code: 0,
          truncated: true,
          timed_out: false,
          duration_ms: 3,
          sandbox: 'bwrap',
        },
      }),
    );
    const shown = within(card).getByTestId('tool-output');
    expect(shown.textContent!.split('\n')).toHaveLength(SHOWN_LINES);
    expect(within(card).getByText('output cut at the size limit')).toBeDefined();
    await userEvent.click(within(card).getByRole('button', { name: 'Show all (30 more lines)' }));
    expect(shown.textContent).toBe(output);
    await userEvent.click(within(card).getByRole('button', { name: 'Copy output' }));
    expect(copied).toEqual([output]);
  });

  it('shows a message sent from another tab with its question, then its answer', async () => {
    const socket = renderChat();
    const session_id = await ask(socket, 'from this tab');
    act(() => {
      socket.push({
        type: 'message',
        job_id: 'mine',
        session_id,
        message: 'from this tab',
        created_at: '2026-05-01T10:00:00.000Z',
      });
      socket.push({
        type: 'message',
        job_id: 'theirs',
        session_id,
        message: 'from the other tab',
        created_at: '2026-05-01T10:00:01.000Z',
      });
    });
    answer(socket, session_id, 'theirs', 'Answer to the other tab.');
    answer(socket, session_id, 'mine', 'Answer to this tab.');
    expect(screen.getAllByTestId('user-message').map((m) => m.querySelector('p')?.textContent)).toEqual([
      'from this tab',
      'from the other tab',
    ]);
    expect(screen.getAllByTestId('assistant-message').map((m) => m.querySelector('.md')?.textContent)).toEqual([
      'Answer to this tab.',
      'Answer to the other tab.',
    ]);
  });
});
