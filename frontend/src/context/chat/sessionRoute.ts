import { SESSION_ID_PATTERN } from '@pagi/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newSessionId } from './identity.ts';

const CHAT_ROUTE = /^#\/?chat(?:\/([^/?#]*))?\/?$/;

/**
 * What the URL hash says about the conversation: its session id for `#/chat/<id>`, '' for the chat view without a
 * valid one (or no hash at all, which opens the chat), null for another view.
 */
export function sessionInHash(hash: string): string | null {
  if (hash === '' || hash === '#' || hash === '#/') return '';
  const m = CHAT_ROUTE.exec(hash);
  if (!m) return null;
  let id = '';
  try {
    id = decodeURIComponent(m[1] ?? '');
  } catch {
    return '';
  }
  return SESSION_ID_PATTERN.test(id) ? id : '';
}

export const chatHash = (sessionId: string) => `#/chat/${encodeURIComponent(sessionId)}`;

/**
 * The conversation shown lives in the URL (`#/chat/<session_id>`), so a reload or a shared link opens the same one
 * and Back returns to the previous one. Opening a conversation adds a history entry; the chat view without an id
 * (the navigation's Chat link) gets the current one's id in place. Other views' URLs are left alone.
 */
export function useSessionRoute(): [string, (sessionId: string) => void] {
  const [sessionId, setSessionId] = useState(() => sessionInHash(window.location.hash) || newSessionId());
  const current = useRef(sessionId);
  current.current = sessionId;

  useEffect(() => {
    const sync = () => {
      const named = sessionInHash(window.location.hash);
      if (named === null) return;
      if (named === '') window.history.replaceState(window.history.state, '', chatHash(current.current));
      else if (named !== current.current) setSessionId(named);
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);

  const open = useCallback((id: string) => {
    current.current = id;
    setSessionId(id);
    if (sessionInHash(window.location.hash) !== null && window.location.hash !== chatHash(id)) {
      window.location.hash = chatHash(id).slice(1);
    }
  }, []);
  return [sessionId, open];
}
