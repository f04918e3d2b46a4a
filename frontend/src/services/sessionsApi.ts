import { DeleteSessionResponse, RenameSessionResponse, SessionListResponse } from '@pagi/contracts';
import { deleteJson, getJson, patchJson } from './http.ts';

/** The person's conversations, most recent first; with `q`, those whose title, messages or answers contain it. */
export function listSessions(twinId: string, q?: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ twin_id: twinId });
  if (q?.trim()) query.set('q', q.trim());
  return getJson(`/api/sessions?${query}`, SessionListResponse, { signal });
}

export const renameSession = (sessionId: string, title: string) =>
  patchJson(`/api/sessions/${encodeURIComponent(sessionId)}`, { title }, RenameSessionResponse);

export const deleteSession = (sessionId: string) =>
  deleteJson(`/api/sessions/${encodeURIComponent(sessionId)}`, DeleteSessionResponse);
