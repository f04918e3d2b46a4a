import { identityOf } from '@pagi/auth';
import {
  type DeleteSessionResponse,
  parseWith,
  RenameSessionRequest,
  type RenameSessionResponse,
  SessionId,
  type SessionListResponse,
  SessionsQuery,
} from '@pagi/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SessionCatalog } from '../conversations/session-catalog.ts';
import type { AuditLog } from '../hitl/audit.ts';

const SessionParams = z.object({ session_id: SessionId });

/** The caller's conversations: listed and searched, renamed, deleted — each person's own only. */
export function registerSessionRoutes(app: FastifyInstance, deps: { catalog: SessionCatalog; audit: AuditLog }): void {
  const { catalog, audit } = deps;

  app.get('/api/sessions', async (req): Promise<SessionListResponse> => {
    const { twin_id, q, limit } = parseWith(SessionsQuery, req.query);
    return { sessions: catalog.list(identityOf(req).user_id, { twinId: twin_id, q, limit }) };
  });

  app.patch('/api/sessions/:session_id', async (req): Promise<RenameSessionResponse> => {
    const { session_id } = parseWith(SessionParams, req.params);
    const { title } = parseWith(RenameSessionRequest, req.body);
    return catalog.rename(session_id, identityOf(req).user_id, title);
  });

  app.delete('/api/sessions/:session_id', async (req): Promise<DeleteSessionResponse> => {
    const { session_id } = parseWith(SessionParams, req.params);
    const who = identityOf(req);
    const deleted = catalog.remove(session_id, who.user_id);
    // The conversation is gone; the trail says who removed it and how much went with it.
    audit.record({ actor: who.name, event: 'session.deleted', session_id, detail: deleted });
    return { session_id, deleted };
  });
}
