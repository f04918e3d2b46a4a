import {
  CodedError,
  CreateKeyRequest,
  CreateUserRequest,
  LoginRequest,
  type MeResponse,
  parseWith,
  SESSION_COOKIE,
  SetupRequest,
  UpdateUserRequest,
} from '@pagi/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthService, NewSession } from '../auth-service.ts';
import type { Identity } from '../identity.ts';
import { identityOf, type RouteAccess } from './guard.ts';

/** What each account route needs (the gateway's guard reads this table). */
export const AUTH_ROUTE_ACCESS: Record<string, RouteAccess> = {
  'GET /api/auth/me': 'open',
  'POST /api/auth/setup': 'open',
  'POST /api/auth/login': 'open',
  'POST /api/auth/logout': 'read',
  'POST /api/auth/logout-all': 'read',
  'GET /api/auth/keys': 'read',
  'POST /api/auth/keys': 'read',
  'DELETE /api/auth/keys/:id': 'read',
  'GET /api/admin/users': 'admin',
  'POST /api/admin/users': 'admin',
  'PATCH /api/admin/users/:id': 'admin',
  'GET /api/admin/audit': 'admin',
};

export interface AuthRoutesOptions {
  auth: AuthService | undefined;
  mode: 'on' | 'off';
  /** Whether the cookie is marked Secure: always, never, or when the request came over TLS (`auto`). */
  secureCookie: 'auto' | 'always' | 'never';
  /** Single sign-on is configured (the login page offers it). */
  oidc: boolean;
}

const IdParams = z.object({ id: z.string().min(1).max(64) });
const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

function isTls(req: FastifyRequest): boolean {
  return req.protocol === 'https' || req.headers['x-forwarded-proto'] === 'https';
}

export function setSessionCookie(reply: FastifyReply, s: NewSession, secure: AuthRoutesOptions['secureCookie']) {
  reply.setCookie(SESSION_COOKIE, s.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure === 'always' || (secure === 'auto' && isTls(reply.request)),
    expires: new Date(s.expiresAt),
  });
}

/** The account routes: first-run setup, sign-in and out, the caller's keys, and (admin) users and the audit. */
export function registerAuthRoutes(app: FastifyInstance, opts: AuthRoutesOptions): void {
  const need = (): AuthService => {
    if (!opts.auth) throw new CodedError('failed_precondition', 'accounts are off on this node (AUTH_MODE=off)');
    return opts.auth;
  };
  const me = (identity: Identity | null, csrf: string | null): MeResponse => ({
    auth_mode: opts.mode,
    setup_required: opts.auth?.setupRequired ?? false,
    oidc: opts.oidc,
    user: identity ? { id: identity.user_id, name: identity.name, role: identity.role } : null,
    via: identity?.via ?? null,
    csrf_token: csrf,
  });
  const signedIn = (reply: FastifyReply, s: NewSession) => {
    setSessionCookie(reply, s, opts.secureCookie);
    return me({ user_id: s.user.id, name: s.user.name, role: s.user.role, via: 'session' }, s.csrfToken);
  };

  app.get('/api/auth/me', async (req) => me(req.identity, req.csrfToken));

  app.post('/api/auth/setup', async (req, reply) => {
    const body = parseWith(SetupRequest, req.body);
    return signedIn(reply, await need().setup(body.name, body.password, req.ip));
  });

  app.post('/api/auth/login', async (req, reply) => {
    const body = parseWith(LoginRequest, req.body);
    return signedIn(reply, await need().login(body.name, body.password, req.ip));
  });

  app.post('/api/auth/logout', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token && opts.auth) opts.auth.logout(token, identityOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.post('/api/auth/logout-all', async (req, reply) => {
    const ended = need().logoutEverywhere(identityOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true, sessions_ended: ended };
  });

  app.get('/api/auth/keys', async (req) => ({ keys: need().listKeys(identityOf(req)) }));

  app.post('/api/auth/keys', async (req, reply) => {
    const key = need().createKey(identityOf(req), parseWith(CreateKeyRequest, req.body));
    reply.status(201);
    return key;
  });

  app.delete('/api/auth/keys/:id', async (req) => {
    need().revokeKey(identityOf(req), parseWith(IdParams, req.params).id);
    return { ok: true };
  });

  app.get('/api/admin/users', async () => ({ users: need().listUsers() }));

  app.post('/api/admin/users', async (req, reply) => {
    const user = await need().createUser(identityOf(req), parseWith(CreateUserRequest, req.body));
    reply.status(201);
    return user;
  });

  app.patch('/api/admin/users/:id', async (req) => {
    const { id } = parseWith(IdParams, req.params);
    return need().updateUser(identityOf(req), id, parseWith(UpdateUserRequest, req.body));
  });

  app.get('/api/admin/audit', async (req) => ({
    entries: need().audit.recent(parseWith(AuditQuery, req.query).limit),
  }));
}
