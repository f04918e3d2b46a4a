// Accounts, sessions, API keys and roles; the guard every HTTP server installs; the identity the gateway signs.
export { type AuthOptions, AuthService, type NewSession } from './auth-service.ts';
export { authFromConfig, isLoopbackHost, type NodeAuth } from './from-config.ts';
export { AUTH_ROUTE_ACCESS, registerAuthRoutes, setSessionCookie } from './http/auth-routes.ts';
export {
  accessOf,
  checkCsrf,
  type GuardOptions,
  identityOf,
  installGuard,
  type RouteAccess,
  stillSignedIn,
  tableAccess,
} from './http/guard.ts';
export { registerOidcRoutes } from './http/oidc-routes.ts';
export { IDENTITY_HEADER, Identity, IdentitySigner, LOCAL_IDENTITY } from './identity.ts';
export { OidcLogin, type OidcSettings } from './oidc/oidc-login.ts';
