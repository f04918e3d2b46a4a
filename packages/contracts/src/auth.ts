import { z } from 'zod';

// Accounts, sessions and API keys: the bodies of /api/auth/* and /api/admin/*, and the role table every server and
// the browser read (a button is shown exactly when the server would allow what it does).

export const Role = z.enum(['admin', 'operator', 'viewer']);
export type Role = z.infer<typeof Role>;

/** What a request may do. Each route names one; the roles below hold them. */
export const PERMISSIONS = [
  'read', // hub, status, health of services, activity, atlas, telemetry, media listing
  'chat', // chat, own sessions and turns, own pending actions and their decisions
  'memory', // memory search
  'ingest', // knowledge ingestion and uploads, media uploads
  'admin', // users, keys of others, system prompt, tool policy, security settings, audit
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  operator: ['read', 'chat', 'memory', 'ingest'],
  viewer: ['read'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The lesser of two roles (an API key never does more than the account that made it). */
export function lesserRole(a: Role, b: Role): Role {
  const order: Role[] = ['viewer', 'operator', 'admin'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))] as Role;
}

/** Account names: what people type at the login form. */
export const AccountName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/, '1-64 letters, digits and _ . @ - (starting with a letter or digit)');

export const Password = z
  .string()
  .min(10, 'a password has at least 10 characters')
  .max(256, 'a password has at most 256 characters');

export const SetupRequest = z.object({ name: AccountName, password: Password });
export type SetupRequest = z.infer<typeof SetupRequest>;

/** The login form does not say which rule a wrong password broke: any string up to the bounds is checked. */
export const LoginRequest = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const CreateUserRequest = z.object({ name: AccountName, password: Password, role: Role });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({ role: Role.optional(), disabled: z.boolean().optional(), password: Password.optional() })
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const CreateKeyRequest = z.object({
  name: z.string().trim().min(1).max(64),
  role: Role.optional(),
  expires_at: z.iso.datetime({ offset: true }).optional(),
});
export type CreateKeyRequest = z.infer<typeof CreateKeyRequest>;

export const User = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  created_at: z.string(),
  last_login_at: z.string().nullable(),
  /** Set for accounts that sign in through the OpenID provider. */
  oidc: z.boolean(),
});
export type User = z.infer<typeof User>;

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  user_id: z.string(),
  user_name: z.string(),
  role: Role,
  created_at: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  revoked: z.boolean(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The key itself is in this answer only: it is stored hashed. */
export const CreatedKey = ApiKey.extend({ key: z.string() });
export type CreatedKey = z.infer<typeof CreatedKey>;

export const AuthMode = z.enum(['on', 'off']);
export type AuthMode = z.infer<typeof AuthMode>;

/** GET /api/auth/me — also answered, without a user, before anyone signed in (so the UI knows what to show). */
export const MeResponse = z.object({
  auth_mode: AuthMode,
  /** No account exists yet: the UI offers to create the first (admin) one. */
  setup_required: z.boolean(),
  oidc: z.boolean(),
  user: z.object({ id: z.string(), name: z.string(), role: Role }).nullable(),
  /** How this request was authenticated. */
  via: z.enum(['session', 'api_key', 'off']).nullable(),
  /** Send as `x-csrf-token` with every state-changing request authenticated by the session cookie. */
  csrf_token: z.string().nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const AuthAuditEntry = z.object({
  id: z.number(),
  ts: z.string(),
  actor: z.string(),
  event: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuthAuditEntry = z.infer<typeof AuthAuditEntry>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'pagi_session';
