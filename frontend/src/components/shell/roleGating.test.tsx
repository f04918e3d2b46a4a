// What each role is shown: the buttons exist exactly when the gateway would allow what they do.
import type { MeResponse } from '@pagi/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../context/auth/AuthContext.tsx';
import { ChatProvider } from '../../context/chat/ChatContext.tsx';
import { IngestionProvider } from '../../context/ingestion/IngestionContext.tsx';
import { ToastProvider } from '../../context/toast/ToastContext.tsx';
import { me, meAsViewer, toolAction } from '../../test/fixtures.ts';
import { ApprovalCard } from '../chat/ApprovalCard.tsx';
import { ChatView } from '../chat/ChatView.tsx';
import { MediaView } from '../media/MediaView.tsx';
import { Shell } from './Shell.tsx';

const sockets: string[] = [];
class RecordingSocket {
  static readonly OPEN = 1;
  constructor(url: string) {
    sockets.push(url);
  }
  close() {}
}
class QuietEventSource {
  static readonly CLOSED = 2;
  addEventListener() {}
  close() {}
}

function renderAs(who: MeResponse, ui: ReactNode) {
  render(
    <ToastProvider>
      <AuthProvider initial={who}>
        <IngestionProvider>
          <ChatProvider>{ui}</ChatProvider>
        </IngestionProvider>
      </AuthProvider>
    </ToastProvider>,
  );
}

beforeEach(() => {
  sockets.length = 0;
  vi.stubGlobal('WebSocket', RecordingSocket);
  vi.stubGlobal('EventSource', QuietEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ error: { code: 'not_found', message: '' } }), { status: 404 })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

describe('role gating', () => {
  it('a viewer gets no composer and no chat socket', () => {
    renderAs(meAsViewer(), <ChatView />);
    expect(screen.queryByLabelText('Message your twin')).toBeNull();
    expect(screen.getByText('Chat is not part of your role')).toBeDefined();
    expect(sockets).toEqual([]);
  });

  it('a viewer sees what an action would run but cannot approve or deny it', () => {
    renderAs(meAsViewer(), <ApprovalCard entry={{ action: toolAction(), phase: 'pending' }} />);
    expect(screen.getByTestId('approval-tool').textContent).toBe('echo');
    expect(screen.queryByRole('button', { name: /approve|deny/i })).toBeNull();
  });

  it('an operator chats as the signed-in person (/ws/chat/me) and may approve', () => {
    renderAs(me(), <ApprovalCard entry={{ action: toolAction(), phase: 'pending' }} />);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]).toMatch(/\/ws\/chat\/me$/);
    expect(screen.getByRole('button', { name: /approve/i })).toBeDefined();
  });

  it('a viewer gets no recording, upload or transcript controls', () => {
    renderAs(meAsViewer(), <MediaView />);
    expect(screen.queryByRole('button', { name: 'Microphone' })).toBeNull();
    expect(screen.queryByLabelText('Transcript text')).toBeNull();
  });

  it('shows the admin page to admins only, and the banner when accounts are off', () => {
    renderAs(me({ user: { id: 'a', name: 'root', role: 'admin' } }), <Shell />);
    expect(screen.getByRole('link', { name: 'Admin' })).toBeDefined();
    expect(screen.queryByTestId('auth-off-banner')).toBeNull();
    cleanup();

    renderAs(me(), <Shell />);
    expect(screen.queryByRole('link', { name: 'Admin' })).toBeNull();
    cleanup();

    renderAs(
      me({ auth_mode: 'off', via: 'off', csrf_token: null, user: { id: 'local', name: 'local', role: 'admin' } }),
      <Shell />,
    );
    expect(screen.getByTestId('auth-off-banner').textContent).toMatch(/accounts are off/i);
    expect(screen.queryByRole('link', { name: 'Admin' })).toBeNull();
  });
});
