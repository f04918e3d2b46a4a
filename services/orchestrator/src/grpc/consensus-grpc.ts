import {
  ArtifactTarget,
  CastVote,
  CodedError,
  CreateProposal,
  type ProposalDetail,
  ProposalFilter,
  ProposalKind,
  type ProposalSummary,
  parseWith,
} from '@pagi/contracts';
import type { ProposalDetail as ProposalDetailMessage } from '@pagi/contracts/gen/orchestrator/ProposalDetail.ts';
import type { ProposalSummary as ProposalSummaryMessage } from '@pagi/contracts/gen/orchestrator/ProposalSummary.ts';
import type { Consensus, Mesh } from '@pagi/mesh';
import type { AsyncHandlers } from '@pagi/runtime';
import type { OrchestratorServiceHandlers } from '@pagi/runtime/gen/orchestrator/OrchestratorService.ts';
import { z } from 'zod';
import { MESH_OFF_HINT } from '../mesh/fleet-routes.ts';

// Consensus Sync over gRPC: the HTTP routes' requests and answers, checked by the same schemas. Proto3 has no null,
// so an unknown name, a missing vote or an undecided time travel as '' or 0.

const IdParam = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'not a proposal id') });
const ArtifactParams = z.object({ kind: ProposalKind, target: ArtifactTarget });
const idOf = (id: string) => parseWith(IdParam, { id }).id;

const summaryMessage = (s: ProposalSummary): ProposalSummaryMessage => ({
  ...s,
  proposer_name: s.proposer_name ?? '',
  my_vote: s.my_vote ?? '',
});

const detailMessage = (d: ProposalDetail): ProposalDetailMessage => ({
  ...d,
  proposer_name: d.proposer_name ?? '',
  my_vote: d.my_vote ?? '',
  voters: d.voters.map((v) => ({ peer_id: v.peer_id, name: v.name ?? '' })),
  decided_at_ms: d.decided_at_ms ?? 0,
  votes: d.votes.map((v) => ({ ...v, voter_name: v.voter_name ?? '' })),
  applications: d.applications.map((a) => ({ ...a, peer_name: a.peer_name ?? '' })),
  vote_blocked: d.vote_blocked ?? '',
});

type ConsensusHandlers = Pick<
  AsyncHandlers<OrchestratorServiceHandlers>,
  'ListProposals' | 'GetProposal' | 'Propose' | 'Vote' | 'ListArtifacts'
>;

/** The consensus rpcs of orchestrator.OrchestratorService; `defaultDeadlineS` is MESH_CONSENSUS_DEADLINE_S. */
export function consensusHandlers(mesh: Mesh | null, defaultDeadlineS: number): ConsensusHandlers {
  const consensus = (): Consensus => {
    if (!mesh?.consensus) throw new CodedError('failed_precondition', MESH_OFF_HINT);
    return mesh.consensus;
  };
  return {
    ListProposals: async (req) => {
      const filter = parseWith(ProposalFilter, { status: req.status || undefined, limit: req.limit || undefined });
      return { proposals: consensus().list(filter).map(summaryMessage) };
    },
    GetProposal: async (req) => detailMessage(consensus().get(idOf(req.id))),
    Propose: async (req) => {
      const c = consensus();
      const p = parseWith(CreateProposal, {
        kind: req.kind,
        target: req.target || undefined,
        payload: req.content === 'payload' ? req.payload : undefined,
        rollback_to: req.content === 'rollback_to' ? req.rollback_to : undefined,
        reason: req.reason,
        deadline_s: req.deadline_s || undefined,
      });
      const payload =
        p.payload !== undefined ? Buffer.from(p.payload, 'utf8') : c.version(p.kind, p.target, p.rollback_to!);
      const deadlineMs = (p.deadline_s ?? defaultDeadlineS) * 1000;
      return { id: c.propose({ kind: p.kind, target: p.target, payload, reason: p.reason, deadlineMs }) };
    },
    Vote: async (req) => {
      const id = idOf(req.id);
      const { vote, reason } = parseWith(CastVote, { vote: req.vote, reason: req.reason });
      const c = consensus();
      c.vote(id, vote, reason ?? '');
      return detailMessage(c.get(id));
    },
    ListArtifacts: async (req) => {
      const c = consensus();
      if (!req.kind && !req.target) return { artifacts: c.artifacts() };
      const { kind, target } = parseWith(ArtifactParams, { kind: req.kind, target: req.target });
      return { artifacts: c.history(kind, target) };
    },
  };
}
