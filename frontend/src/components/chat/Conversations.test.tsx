// The conversation list and the conversation's own URL in jsdom: the real providers and components; the test plays
// the gateway (an in-memory socket, and fetch answering /api/sessions the way the orchestrator does).
import type { SessionSummary } from '@pagi/contracts';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket, renderChat } from '../../test/chat-harness.tsx';
import { ApprovalNotice } from '../shell/ApprovalNotice.tsx';
import { usePendingChatActions } from '../shell/usePendingChatActions.ts';

const summary = (id: string, title: string, over: Partial<SessionSummary> = {}): SessionSummary => ({
  session_id: id,
  twin_id: 'twin-default',
  title,
  turns: 2,
  last_activity_at: '2026-05-01T10:00:00.000Z',
  pending_actions: 0,
  ...over,
});

let sessions: SessionSummary[];
let calls: { method: string; url: string; body?: unknown }[];

beforeEach(() => {
  window.location.hash = '#/chat';
  sessions = [summary('session-garden', 'Garden plans'), summary('session-budget', 'Budget notes')];
  calls = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, url: String(url), body });
      const path = new URL(String(url), 'http://local.test');
      const id = decodeURIComponent(path.pathname.split('/')[3] ?? '');
      if (method === 'PATCH') {
        sessions = sessions.map((s) => (s.session_id === id ? { ...s, title: body.title } : s));
        return Response.json({ session_id: id, title: body.title });
      }
      if (method === 'DELETE') {
        sessions = sessions.filter((s) => s.session_id !== id);
        return Response.json({ session_id: id, deleted: { turns: 2, actions: 0 } });
      }
      const q = path.searchParams.get('q');
      if (!q) return Response.json({ sessions });
      const found = sessions
        .filter((s) => s.title.toLowerCase().includes(q.toLowerCase()) || q === 'tomatoes')
        .map((s) => (q === 'tomatoes' ? { ...s, match: '…what about tomatoes?' } : s));
      return Response.json({ sessions: q === 'tomatoes' ? found.slice(0, 1) : found });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const row = async (title: string) =>
  (await screen.findByText(title, { selector: '.convo__title' })).closest('li') as HTMLElement;

/** The notice as the shell shows it on another view. */
function NoticeOnHub({ onNavigate }: { onNavigate: (view: string) => void }) {
  return <ApprovalNotice view="hub" onNavigate={onNavigate} chatPending={usePendingChatActions()} />;
}

describe('the conversation list', () => {
  it('marks another conversation with an action waiting, and the notice leads to that conversation', async () => {
    sessions = [
      summary('session-garden', 'Garden plans'),
      summary('session-budget', 'Budget notes', { pending_actions: 1 }),
    ];
    const navigate = vi.fn();
    const socket = renderChat(<NoticeOnHub onNavigate={navigate} />);
    const budget = await row('Budget notes');
    expect(within(budget).getByTestId('conversation-waiting').textContent).toBe('1 waiting for approval');
    expect(within(await row('Garden plans')).queryByTestId('conversation-waiting')).toBeNull();

    const notice = await screen.findByTestId('approval-notice');
    expect(notice.textContent).toContain('1 action in Chat waits for your approval.');
    await userEvent.click(within(notice).getByRole('button', { name: 'Review in Chat' }));
    expect(navigate).toHaveBeenCalledWith('chat');
    await waitFor(() => expect(socket.sent.at(-1)).toEqual({ type: 'resume', session_id: 'session-budget' }));
    // Open, its cards are counted live from the conversation itself, not from the list.
    expect(within(await row('Budget notes')).queryByTestId('conversation-waiting')).toBeNull();
  });

  it('renames a conversation in place', async () => {
    renderChat();
    const garden = await row('Garden plans');
    await userEvent.click(within(garden).getByRole('button', { name: 'Rename Garden plans' }));
    const input = within(garden).getByLabelText('New name for the conversation');
    await userEvent.clear(input);
    await userEvent.type(input, 'Spring garden{Enter}');
    expect(calls.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/sessions/session-garden',
      body: { title: 'Spring garden' },
    });
    expect(await row('Spring garden')).toBeDefined();
    expect(screen.queryByText('Garden plans')).toBeNull();
  });

  it('deletes a conversation only after confirming, and Cancel keeps it', async () => {
    renderChat();
    let budget = await row('Budget notes');
    await userEvent.click(within(budget).getByRole('button', { name: 'Delete Budget notes' }));
    await userEvent.click(within(budget).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    budget = await row('Budget notes');
    await userEvent.click(within(budget).getByRole('button', { name: 'Delete Budget notes' }));
    await userEvent.click(within(budget).getByRole('button', { name: 'Delete' }));
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/sessions/session-budget' });
    await waitFor(() => expect(screen.queryByText('Budget notes')).toBeNull());
    expect(screen.getByText('Garden plans')).toBeDefined();
  });

  it('searches on the server and shows what matched; clearing the search shows every conversation', async () => {
    renderChat();
    await row('Budget notes');
    const search = screen.getByRole('searchbox', { name: 'Search conversations' });
    await userEvent.type(search, 'tomatoes');
    expect(await screen.findByText('…what about tomatoes?')).toBeDefined();
    expect(screen.queryByText('Budget notes')).toBeNull();
    expect(calls.at(-1)?.url).toBe('/api/sessions?twin_id=twin-default&q=tomatoes');

    await userEvent.clear(search);
    await userEvent.type(search, 'zebra');
    expect(await screen.findByTestId('search-empty')).toBeDefined();
    await userEvent.clear(search);
    expect(await row('Budget notes')).toBeDefined();
  });

  it('opens a conversation at its own URL and redraws it from its record', async () => {
    const socket = renderChat();
    await userEvent.click(await screen.findByText('Garden plans'));
    expect(window.location.hash).toBe('#/chat/session-garden');
    expect(socket.sent).toContainEqual({ type: 'resume', session_id: 'session-garden' });
    expect(screen.getByTestId('conversation-title').textContent).toBe('Garden plans');
  });
});

describe('the conversation in the URL', () => {
  it('opens the conversation a link names, and follows Back to another', async () => {
    window.location.hash = '#/chat/session-budget';
    const socket = renderChat();
    expect(socket.sent).toContainEqual({ type: 'resume', session_id: 'session-budget' });
    act(() => {
      window.location.hash = '#/chat/session-garden';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(socket.sent.at(-1)).toEqual({ type: 'resume', session_id: 'session-garden' });
  });

  it('gives the chat view without an id the shown conversation’s id, and leaves other views alone', async () => {
    renderChat();
    expect(window.location.hash).toMatch(/^#\/chat\/session-[0-9a-f]{16}$/);
    act(() => {
      window.location.hash = '#/hub';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(window.location.hash).toBe('#/hub');
  });
});
