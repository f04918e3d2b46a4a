import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth-service.ts';
import { OidcLogin, type OidcSettings } from '../oidc/oidc-login.ts';
import { type AuthRoutesOptions, setSessionCookie } from './auth-routes.ts';

const STATE_COOKIE = 'pagi_oidc_state';

function origin(req: FastifyRequest): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' || req.protocol === 'https' ? 'https' : 'http';
  return `${proto}://${req.headers['x-forwarded-host'] ?? req.headers.host}`;
}

/**
 * Single sign-on: `GET /api/auth/oidc/login` sends the browser to the provider, `GET /api/auth/oidc/callback` signs
 * the person in (their account is made at the first sign-in) and returns them to the UI.
 */
export function registerOidcRoutes(
  app: FastifyInstance,
  settings: OidcSettings,
  auth: AuthService,
  secureCookie: AuthRoutesOptions['secureCookie'],
): void {
  const login = new OidcLogin(settings);
  app.get('/api/auth/oidc/login', async (req, reply) => {
    const { url, state } = await login.start(`${origin(req)}/api/auth/oidc/callback`);
    reply.setCookie(STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/api/auth/oidc',
      maxAge: 600,
      secure: secureCookie === 'always',
    });
    return reply.redirect(url);
  });
  app.get('/api/auth/oidc/callback', async (req, reply) => {
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    const person = await login.finish(query, req.cookies[STATE_COOKIE]);
    const session = auth.loginOidc(person.subject, person.name, req.ip);
    reply.clearCookie(STATE_COOKIE, { path: '/api/auth/oidc' });
    setSessionCookie(reply, session, secureCookie);
    return reply.redirect('/');
  });
}
