import { SESSION_ID_PATTERN } from '@pagi/contracts';

// Stable per-browser user id (the chat socket path) and fresh session ids, both valid by the shared identifier rules.
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function storedUserId(): string {
  try {
    const existing = window.localStorage.getItem('pagi.user_id');
    if (existing && SESSION_ID_PATTERN.test(existing)) return existing;
    const id = `user-${randomId()}`;
    window.localStorage.setItem('pagi.user_id', id);
    return id;
  } catch {
    return `user-${randomId()}`;
  }
}

export const userId = storedUserId();

export function newSessionId(): string {
  return `session-${randomId()}`;
}
