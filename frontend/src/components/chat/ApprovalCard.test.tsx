// A memory-search approval card says whether the search also asks the mesh's peers.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../context/auth/AuthContext.tsx';
import { ChatProvider } from '../../context/chat/ChatContext.tsx';
import { IngestionProvider } from '../../context/ingestion/IngestionContext.tsx';
import { ToastProvider } from '../../context/toast/ToastContext.tsx';
import { me, memoryAction } from '../../test/fixtures.ts';
import { ApprovalCard } from './ApprovalCard.tsx';

class QuietSocket {
  static readonly OPEN = 1;
  close() {}
}
class QuietEventSource {
  static readonly CLOSED = 2;
  addEventListener() {}
  close() {}
}

function renderCard(scope?: 'local' | 'fleet') {
  const base = memoryAction();
  const action = scope ? memoryAction({ args: { ...base.args, scope } as typeof base.args }) : base;
  render(
    <ToastProvider>
      <AuthProvider initial={me()}>
        <IngestionProvider>
          <ChatProvider>
            <ApprovalCard entry={{ action, phase: 'pending' }} />
          </ChatProvider>
        </IngestionProvider>
      </AuthProvider>
    </ToastProvider>,
  );
}

beforeEach(() => {
  vi.stubGlobal('WebSocket', QuietSocket);
  vi.stubGlobal('EventSource', QuietEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{}', { status: 404 })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ApprovalCard for a memory search', () => {
  it('says when the search includes peers', () => {
    renderCard('fleet');
    expect(screen.getByTestId('approval-fleet').textContent).toBe(
      "Also asks the mesh's online peers; each answers only from what it shares with this twin",
    );
  });

  it('says nothing of peers for a search of this twin alone', () => {
    renderCard();
    expect(screen.getByTestId('approval-query').textContent).toBe('security policy');
    expect(screen.queryByTestId('approval-fleet')).toBeNull();
    cleanup();
    renderCard('local');
    expect(screen.queryByTestId('approval-fleet')).toBeNull();
  });
});
