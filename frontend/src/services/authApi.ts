import {
  ApiKey,
  AuthAuditEntry,
  CreatedKey,
  type CreateKeyRequest,
  type CreateUserRequest,
  MeResponse,
  type UpdateUserRequest,
  User,
} from '@pagi/contracts';
import { z } from 'zod';
import { sessionEnded } from './authSession.ts';
import { deleteJson, getJson, patchJson, postJson } from './http.ts';

const Ok = z.object({}).passthrough();

// Sign-in, setup and /me are open routes: their 401 is an answer for the form, not an ended session.
export const getMe = (signal?: AbortSignal) => getJson('/api/auth/me', MeResponse, { signal, open: true });

export const login = (name: string, password: string) =>
  postJson('/api/auth/login', { name, password }, MeResponse, { open: true });

export const setupAdmin = (name: string, password: string) =>
  postJson('/api/auth/setup', { name, password }, MeResponse, { open: true });

export const logout = () => postJson('/api/auth/logout', {}, Ok, { open: true });
export const logoutEverywhere = () => postJson('/api/auth/logout-all', {}, Ok, { open: true });

/**
 * A failed chat socket does not say why: asks the gateway whether the session still holds, and reports an ended
 * one like any 401. An unreachable gateway says nothing (the socket just retries).
 */
export async function verifySession(): Promise<void> {
  try {
    const me = await getMe();
    if (me.auth_mode === 'on' && !me.user) sessionEnded();
  } catch {
    // Gateway down or answering oddly: nothing to conclude.
  }
}

const KeyList = z.object({ keys: z.array(ApiKey) });
export const listKeys = (signal?: AbortSignal) => getJson('/api/auth/keys', KeyList, { signal });
export const createKey = (req: CreateKeyRequest) => postJson('/api/auth/keys', req, CreatedKey);
export const revokeKey = (id: string) => deleteJson(`/api/auth/keys/${encodeURIComponent(id)}`, Ok);

const UserList = z.object({ users: z.array(User) });
export const listUsers = (signal?: AbortSignal) => getJson('/api/admin/users', UserList, { signal });
export const createUser = (req: CreateUserRequest) => postJson('/api/admin/users', req, User);
export const updateUser = (id: string, change: UpdateUserRequest) =>
  patchJson(`/api/admin/users/${encodeURIComponent(id)}`, change, User);

const AuditList = z.object({ entries: z.array(AuthAuditEntry) });
export const listAudit = (limit: number, signal?: AbortSignal) =>
  getJson(`/api/admin/audit?limit=${limit}`, AuditList, { signal });
