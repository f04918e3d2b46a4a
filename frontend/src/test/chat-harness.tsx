// The chat view under test in jsdom: the real providers and components, with the browser's WebSocket replaced by an
// in-memory one so a test plays the gateway's part frame by frame. Install it with vi.stubGlobal('WebSocket', FakeSocket).
import type { ServerFrame } from '@pagi/contracts';
import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ChatView } from '../components/chat/ChatView.tsx';
import { AuthProvider } from '../context/auth/AuthContext.tsx';
import { ChatProvider } from '../context/chat/ChatContext.tsx';
import { me } from './fixtures.ts';

export class FakeSocket {
  static last: FakeSocket | null = null;
  static readonly OPEN = 1;
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeSocket.last = this;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  push(frame: ServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

/** Renders the chat view signed in (with `beside` in the same providers) and opens its socket; returns the socket. */
export function renderChat(beside?: ReactNode): FakeSocket {
  render(
    <AuthProvider initial={me()}>
      <ChatProvider>
        {beside}
        <ChatView />
      </ChatProvider>
    </AuthProvider>,
  );
  const socket = FakeSocket.last!;
  act(() => socket.open());
  return socket;
}
