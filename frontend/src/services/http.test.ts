// The http layer with accounts on: every state-changing call carries the session's CSRF token, and a 401 anywhere
// but the sign-in routes reports the session as ended.
import { CSRF_HEADER } from '@pagi/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { login } from './authApi.ts';
import { onSessionEnded, setCsrfToken } from './authSession.ts';
import { deleteJson, getJson, patchJson, postForm, postJson } from './http.ts';

const Any = z.object({}).passthrough();
let fetchMock: ReturnType<typeof vi.fn>;

const headersOf = (call: number) => new Headers((fetchMock.mock.calls[call]?.[1] as RequestInit | undefined)?.headers);

beforeEach(() => {
  fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken('token-1');
});
afterEach(() => {
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('http layer', () => {
  it('sends the CSRF header with POST, PATCH, DELETE and uploads, never with GET', async () => {
    await getJson('/api/status', Any);
    await postJson('/api/knowledge/path', {}, Any);
    await patchJson('/api/admin/users/u', { role: 'viewer' }, Any);
    await deleteJson('/api/auth/keys/k', Any);
    await postForm('/api/media/upload', new FormData(), Any);
    expect(headersOf(0).has(CSRF_HEADER)).toBe(false);
    for (const call of [1, 2, 3, 4]) expect(headersOf(call).get(CSRF_HEADER)).toBe('token-1');
  });

  it('sends no CSRF header when there is no session (accounts off)', async () => {
    setCsrfToken(null);
    await postJson('/api/knowledge/path', {}, Any);
    expect(headersOf(0).has(CSRF_HEADER)).toBe(false);
  });

  it('reports a 401 as an ended session, except on the sign-in route where it is the answer', async () => {
    const ended = vi.fn();
    const off = onSessionEnded(ended);
    const unauthenticated = () =>
      new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'sign in' } }), { status: 401 });
    fetchMock.mockImplementation(async () => unauthenticated());
    await expect(login('ada', 'wrong')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(ended).not.toHaveBeenCalled();
    await expect(getJson('/api/status', Any)).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
    off();
  });
});
