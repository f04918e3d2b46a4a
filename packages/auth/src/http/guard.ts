import cookie from '@fastify/cookie';
import { CodedError, CSRF_HEADER, type Permission, roleAllows, SESSION_COOKIE } from '@pagi/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth-service.ts';
import { IDENTITY_HEADER, type Identity, type IdentitySigner, LOCAL_IDENTITY } from '../identity.ts';
import { sameText } from '../secrets.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts for; set by the guard before any handler runs (null only on open routes). */
    identity: Identity | null;
    /** The session's CSRF token, when the request came with a session cookie. */
    csrfToken: string | null;
  }
}

/** What a route needs: a permission of the caller's role, or nothing (`open`). */
export type RouteAccess = Permission | 'open';

export interface GuardOptions {
  /** `off`: every request is the local admin (only allowed on a loopback-only node). */
  mode: 'on' | 'off';
  /** Accounts, sessions and keys (absent only when mode is off). */
  auth?: AuthService;
  /** Accepts the gateway's signed identity header (the orchestrator does; the gateway itself never does). */
  signer?: IdentitySigner;
  /** What each route needs, by method and route pattern; a route the table does not name needs `admin`. */
  access(method: string, route: string): RouteAccess | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/** Who is calling, by the first credential present: a signed gateway identity, an API key, a session cookie. */
interface Found {
  identity: Identity;
  csrfToken: string | null;
  /** Proved by the session cookie (which a browser sends by itself): state changes then need the CSRF header. */
  byCookie: boolean;
}

function identify(req: FastifyRequest, opts: GuardOptions): Found | null {
  if (opts.mode === 'off') return { identity: LOCAL_IDENTITY, csrfToken: null, byCookie: false };
  const vouched = req.headers[IDENTITY_HEADER];
  if (vouched !== undefined) {
    // A claimed identity that does not verify is refused outright, never read as "no identity".
    const identity = typeof vouched === 'string' && opts.signer ? opts.signer.verify(vouched) : undefined;
    if (!identity) throw new CodedError('unauthenticated', 'the identity header is not signed by the gateway');
    return { identity, csrfToken: null, byCookie: false };
  }
  const key = bearerOf(req);
  if (key !== undefined) {
    const identity = opts.auth?.byKey(key);
    if (!identity) throw new CodedError('unauthenticated', 'the API key is unknown, revoked or expired');
    return { identity, csrfToken: null, byCookie: false };
  }
  const session = req.cookies[SESSION_COOKIE];
  if (session) {
    const found = opts.auth?.bySession(session);
    if (found) return { ...found, byCookie: true };
  }
  return null;
}

/**
 * The `access` of a server whose routes are named in one table of `METHOD /pattern` keys (`*` for any method; HEAD is
 * looked up as GET, which fastify serves it as).
 */
export function tableAccess(table: Record<string, RouteAccess>): GuardOptions['access'] {
  return (method, route) => {
    const m = method === 'HEAD' ? 'GET' : method;
    return table[`${m} ${route}`] ?? table[`* ${route}`];
  };
}

/** A route's need, from the table; unnamed routes (and unknown paths) are admin-only, so nothing is open by mistake. */
export function accessOf(opts: GuardOptions, req: FastifyRequest): RouteAccess {
  const route = req.routeOptions.url;
  return (route && opts.access(req.method, route)) || 'admin';
}

/**
 * Checks every request before its body is read: identity (401 without one), the route's permission for the
 * caller's role (403), and for state-changing requests signed in by cookie the CSRF header (403). Handlers then
 * read `req.identity`.
 */
export async function installGuard(app: FastifyInstance, opts: GuardOptions): Promise<void> {
  if (opts.mode === 'on' && !opts.auth && !opts.signer) throw new Error('the guard needs accounts or a signer');
  await app.register(cookie);
  app.decorateRequest('identity', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    const access = accessOf(opts, req);
    const found = identify(req, opts);
    if (found) {
      req.identity = found.identity;
      req.csrfToken = found.csrfToken;
    }
    if (access === 'open') return;
    if (!found) throw new CodedError('unauthenticated', 'sign in, or send an API key as Authorization: Bearer <key>');
    if (!roleAllows(found.identity.role, access)) {
      throw new CodedError('forbidden', `the ${found.identity.role} role may not do this (needs ${access})`);
    }
    if (found.byCookie && !SAFE_METHODS.has(req.method)) checkCsrf(req, found.csrfToken);
  });
}

export function checkCsrf(req: FastifyRequest, expected: string | null): void {
  const sent = req.headers[CSRF_HEADER];
  if (!expected || typeof sent !== 'string' || !sameText(sent, expected)) {
    throw new CodedError('csrf_failed', `this request needs the ${CSRF_HEADER} header of the signed-in session`);
  }
}

/**
 * For a long-lived connection (a WebSocket): whether the credential it was opened with still holds, so a revoked
 * key, a signed-out session or a disabled account ends it too.
 */
export function stillSignedIn(req: FastifyRequest, auth: AuthService | undefined): () => boolean {
  const via = req.identity?.via;
  if (via === 'off' || !auth) return () => via === 'off';
  const key = bearerOf(req);
  if (via === 'api_key' && key) return () => auth.byKey(key) !== undefined;
  const session = req.cookies[SESSION_COOKIE];
  if (via === 'session' && session) return () => auth.bySession(session) !== undefined;
  return () => false;
}

/** The identity a handler acts for (the guard has set it on every route that is not open). */
export function identityOf(req: FastifyRequest): Identity {
  if (!req.identity) throw new CodedError('unauthenticated', 'not signed in');
  return req.identity;
}
