import { CSRF_HEADER } from '@pagi/contracts';

// The signed-in session as the http layer sees it: the CSRF token every state-changing call sends back, and who
// to tell when the gateway says the session is gone (signed out elsewhere, revoked, expired).

let csrfToken: string | null = null;
const endedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers a POST/PUT/PATCH/DELETE carries: the cookie alone would let any page make the browser act. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

export function sessionEnded(): void {
  for (const listener of endedListeners) listener();
}
