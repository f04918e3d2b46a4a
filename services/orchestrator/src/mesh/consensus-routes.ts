import {
  ArtifactTarget,
  CastVote,
  CodedError,
  CreateProposal,
  ProposalFilter,
  ProposalKind,
  parseWith,
} from '@pagi/contracts';
import type { Consensus, Mesh } from '@pagi/mesh';
import { openSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MESH_OFF_HINT } from './fleet-routes.ts';

const IdParams = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'not a proposal id') });
const ArtifactParams = z.object({ kind: ProposalKind, target: ArtifactTarget });

/** Consensus Sync over HTTP: propose, vote, follow proposals live, and read what the fleet changed on this node. */
export function registerConsensusRoutes(app: FastifyInstance, mesh: Mesh | null, defaultDeadlineS: number): void {
  const consensus = (): Consensus => {
    if (!mesh?.consensus) throw new CodedError('failed_precondition', MESH_OFF_HINT);
    return mesh.consensus;
  };

  app.post('/api/phoenix/proposals', async (req, reply) => {
    const c = consensus();
    const p = parseWith(CreateProposal, req.body);
    const payload =
      p.payload !== undefined ? Buffer.from(p.payload, 'utf8') : c.version(p.kind, p.target, p.rollback_to!);
    const id = c.propose({
      kind: p.kind,
      target: p.target,
      payload,
      reason: p.reason,
      deadlineMs: (p.deadline_s ?? defaultDeadlineS) * 1000,
    });
    return reply.code(201).send({ id });
  });

  app.get('/api/phoenix/proposals', async (req) => ({
    proposals: consensus().list(parseWith(ProposalFilter, req.query)),
  }));

  app.get('/api/phoenix/proposals/events', async (_req, reply) => {
    const c = consensus();
    const sse = openSse(reply, { subscription: true });
    const send = (event: unknown) => sse.send(event);
    c.on('event', send);
    reply.raw.on('close', () => c.off('event', send));
  });

  app.get('/api/phoenix/proposals/:id', async (req) => consensus().get(parseWith(IdParams, req.params).id));

  app.post('/api/phoenix/proposals/:id/vote', async (req) => {
    const { id } = parseWith(IdParams, req.params);
    const { vote, reason } = parseWith(CastVote, req.body ?? {});
    const c = consensus();
    c.vote(id, vote, reason ?? '');
    return c.get(id);
  });

  app.get('/api/phoenix/artifacts', async () => ({ artifacts: consensus().artifacts() }));

  app.get('/api/phoenix/artifacts/:kind/:target', async (req) => {
    const { kind, target } = parseWith(ArtifactParams, req.params);
    return { versions: consensus().history(kind, target) };
  });
}
