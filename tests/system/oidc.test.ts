// Single sign-on through the real gateway against a real OpenID provider (oidc-provider, with its built-in login and
// consent forms) on loopback, driven like a browser: redirects followed by hand, a cookie jar per host, forms posted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorBody, MeResponse } from '@pagi/contracts';
// @ts-expect-error oidc-provider ships no type declarations; the few members used are typed by ProviderLike below.
import ProviderCtor from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasePorts, reservePort } from '../helpers/ports.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

interface ProviderLike {
  callback(): http.RequestListener;
}
const Provider = ProviderCtor as new (issuer: string, config: object) => ProviderLike;

const CLIENT = { client_id: 'pagi-gateway', client_secret: 'a-test-secret-of-enough-length' };
const REQUEST_TIMEOUT_MS = 10_000;

let stack: Stack;
let gw: string;
let issuer: string;
let providerPort: number;
let provider: http.Server | undefined;

/** What a browser keeps between requests: cookies, per host (the gateway and the provider share 127.0.0.1). */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name);
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const u = new URL(url);
    const cookies = this.jar.get(u.host) ?? new Map<string, string>();
    this.jar.set(u.host, cookies);
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(u, {
      ...init,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
      const expires = attrs.find((a) => /^expires=/i.test(a))?.slice(8);
      const gone = !value || attrs.some((a) => /^max-age=0$/i.test(a)) || (expires && Date.parse(expires) < Date.now());
      if (gone) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  }
}

/**
 * Starts a sign-in at the gateway and walks the provider's redirects and forms (login as `subject`, then consent)
 * until the provider sends the browser back to the gateway; returns that callback URL, not yet visited.
 */
async function toCallback(browser: Browser, subject: string): Promise<string> {
  let res = await browser.request(`${gw}/api/auth/oidc/login`);
  for (let hop = 0; hop < 15; hop++) {
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, res.url).href;
      if (next.startsWith(`${gw}/api/auth/oidc/callback`)) return next;
      res = await browser.request(next);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt)
      throw new Error(`unexpected page ${res.status} at ${res.url}: ${html}`);
    // The dev login form takes any login (it becomes the subject) and any password; consent has just a button.
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt };
    res = await browser.request(new URL(action, res.url).href, { method: 'POST', body: new URLSearchParams(form) });
  }
  throw new Error('the sign-in did not come back to the gateway');
}

/** A whole sign-in in a fresh browser; returns the browser (now holding the session cookie) and who it is. */
async function signIn(subject: string): Promise<{ browser: Browser; me: MeResponse }> {
  const browser = new Browser();
  const res = await browser.request(await toCallback(browser, subject));
  expect(res.status, await res.clone().text()).toBe(302);
  expect(res.headers.get('location')).toBe('/');
  // The state cookie was for this one attempt.
  expect(browser.cookie(gw, 'pagi_oidc_state')).toBeUndefined();
  return { browser, me: await me(browser) };
}

async function me(browser: Browser): Promise<MeResponse> {
  const res = await browser.request(`${gw}/api/auth/me`);
  expect(res.status).toBe(200);
  return MeResponse.parse(await res.json());
}

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
}

async function startProvider(): Promise<void> {
  const oidc = new Provider(issuer, {
    clients: [
      {
        ...CLIENT,
        redirect_uris: [`${gw}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    cookies: { keys: ['oidc-test-cookie-key'] },
    // Explicit lifetimes keep the provider's notices about its defaults out of the test output.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    // Whatever the login form gets is the account; the ID token of a code flow carries only its subject, which the
    // gateway then takes as the account's name.
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
  });
  const server = http.createServer(oidc.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(providerPort, '127.0.0.1', () => resolve());
  });
  provider = server;
  expect((server.address() as AddressInfo).port).toBe(providerPort);
}

beforeAll(async () => {
  // The provider's port is held from the start: the gateway is configured with it before anything listens there.
  providerPort = await reservePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  stack = await startStack({ services: [] });
  gw = stack.url('gateway');
  await stack.start('gateway', {
    AUTH_MODE: 'on',
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT.client_id,
    OIDC_CLIENT_SECRET: CLIENT.client_secret,
    OIDC_REDIRECT_URL: `${gw}/api/auth/oidc/callback`,
  });
}, 60_000);

afterAll(async () => {
  if (provider) {
    provider.closeAllConnections();
    await new Promise((resolve) => provider?.close(resolve));
  }
  await stack?.close();
  releasePorts([providerPort]);
});

// The tests run in order: the first finds the provider down, the next start it and make the node's accounts.
describe('OpenID Connect sign-in', () => {
  it('answers 502 upstream_unavailable while the provider cannot be reached', async () => {
    const browser = new Browser();
    expect(await me(browser)).toMatchObject({ auth_mode: 'on', oidc: true, setup_required: true, user: null });
    await expectError(await browser.request(`${gw}/api/auth/oidc/login`), 502, 'upstream_unavailable');
    expect(browser.cookie(gw, 'pagi_oidc_state')).toBeUndefined();
  });

  it('makes the first account of the node an admin, and finds it again at the next sign-in', async () => {
    // Discovery is retried after the failure above, so a provider that starts after the gateway is picked up.
    await startProvider();
    const first = await signIn('alice');
    expect(first.me).toMatchObject({ auth_mode: 'on', setup_required: false, via: 'session' });
    expect(first.me.user).toMatchObject({ name: 'alice', role: 'admin' });
    expect(first.me.csrf_token).toEqual(expect.any(String));

    const again = await signIn('alice');
    expect(again.me.user).toEqual(first.me.user);
    // Two browsers, two sessions of the same account.
    expect(again.browser.cookie(gw, 'pagi_session')).not.toBe(first.browser.cookie(gw, 'pagi_session'));
  });

  it('gives a new subject its own account with the default role', async () => {
    const { me: bob } = await signIn('bob');
    expect(bob.via).toBe('session');
    expect(bob.user).toMatchObject({ name: 'bob', role: 'operator' });
    const { me: alice } = await signIn('alice');
    expect(bob.user?.id).not.toBe(alice.user?.id);
  });

  it('refuses a callback without the state cookie of the browser that started the sign-in', async () => {
    // The provider's answer reaches a browser that never started this sign-in (a forged or replayed link).
    const victim = new Browser();
    const callback = await toCallback(new Browser(), 'mallory');
    await expectError(await victim.request(callback), 401, 'unauthenticated');
    expect(await me(victim)).toMatchObject({ user: null, via: null });
  });

  it('refuses a callback whose state is not the one in the cookie', async () => {
    const browser = new Browser();
    const callback = await toCallback(browser, 'carol');
    // A second attempt in the same browser replaces the state cookie; the first attempt's answer no longer fits it.
    expect((await browser.request(`${gw}/api/auth/oidc/login`)).status).toBe(302);
    await expectError(await browser.request(callback), 401, 'unauthenticated');
    expect(browser.cookie(gw, 'pagi_session')).toBeUndefined();
    expect(await me(browser)).toMatchObject({ user: null });
  });
});
