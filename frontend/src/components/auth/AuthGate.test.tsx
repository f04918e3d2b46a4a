// The gate in jsdom with canned gateway answers: first run, sign-in errors, and a session ended elsewhere.
import type { MeResponse } from '@pagi/contracts';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../context/auth/AuthContext.tsx';
import { sessionEnded } from '../../services/authSession.ts';
import { me, meSignedOut } from '../../test/fixtures.ts';
import { AuthGate } from './AuthGate.tsx';

type Answer = { status: number; body: unknown };
const json = ({ status, body }: Answer) => new Response(JSON.stringify(body), { status });

/** Routes fetch by path to canned answers, recording what was posted. */
function gateway(routes: Record<string, Answer>) {
  const posted: { path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = new URL(url, 'http://x').pathname;
      if (init?.body) posted.push({ path, body: JSON.parse(String(init.body)) });
      return json(routes[path] ?? { status: 404, body: { error: { code: 'not_found', message: path } } });
    }),
  );
  return posted;
}

function renderGate(initial: MeResponse) {
  render(
    <AuthProvider initial={initial}>
      <AuthGate>
        <p>the app</p>
      </AuthGate>
    </AuthProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('auth gate', () => {
  it('on first run asks for the admin account, checks the form, then opens the app', async () => {
    const posted = gateway({
      '/api/auth/setup': { status: 200, body: me({ user: { id: 'a', name: 'root', role: 'admin' } }) },
    });
    renderGate(meSignedOut({ setup_required: true }));
    expect(screen.getByRole('heading', { name: 'Create the admin account' })).toBeDefined();

    await userEvent.type(screen.getByLabelText('Name'), 'root');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.type(screen.getByLabelText('Repeat password'), 'other');
    await userEvent.click(screen.getByRole('button', { name: 'Create admin account' }));
    expect(screen.getByText('a password has at least 10 characters')).toBeDefined();
    expect(screen.getByText('the two passwords differ')).toBeDefined();
    expect(posted).toEqual([]);

    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'long enough pw');
    await userEvent.clear(screen.getByLabelText('Repeat password'));
    await userEvent.type(screen.getByLabelText('Repeat password'), 'long enough pw');
    await userEvent.click(screen.getByRole('button', { name: 'Create admin account' }));
    await screen.findByText('the app');
    expect(posted).toEqual([{ path: '/api/auth/setup', body: { name: 'root', password: 'long enough pw' } }]);
  });

  it('says a wrong password is wrong, and offers single sign-on when configured', async () => {
    gateway({
      '/api/auth/login': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'wrong name or password' } },
      },
    });
    renderGate(meSignedOut({ oidc: true }));
    expect(screen.getByRole('link', { name: 'Sign in with single sign-on' }).getAttribute('href')).toBe(
      '/api/auth/oidc/login',
    );
    await userEvent.type(screen.getByLabelText('Name'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'not the one');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong name or password.');
    expect(screen.queryByText('the app')).toBeNull();
  });

  it('returns to the login page when a call finds the session ended', async () => {
    gateway({});
    renderGate(me());
    expect(screen.getByText('the app')).toBeDefined();
    act(() => sessionEnded());
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeDefined();
    expect(screen.getByText('Your session has ended. Sign in again.')).toBeDefined();
  });
});
