import {
  ArtifactHistory,
  ArtifactList,
  type CastVote,
  type CreateProposal,
  ProposalDetail,
  type ProposalKind,
  ProposalList,
  type ProposalStatus,
} from '@pagi/contracts';
import { z } from 'zod';
import { getJson, postJson } from './http.ts';

// Consensus Sync through the gateway: fleet-wide proposals, votes, and the artifacts they changed on this twin.

const Created = z.object({ id: z.string() });

export const PROPOSAL_EVENTS_PATH = '/api/phoenix/proposals/events';

export function listProposals(filter: { status?: ProposalStatus; limit?: number } = {}, signal?: AbortSignal) {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.limit) query.set('limit', String(filter.limit));
  const qs = query.toString();
  return getJson(`/api/phoenix/proposals${qs ? `?${qs}` : ''}`, ProposalList, { signal });
}

export const getProposal = (id: string, signal?: AbortSignal) =>
  getJson(`/api/phoenix/proposals/${encodeURIComponent(id)}`, ProposalDetail, { signal });

export const castVote = (id: string, vote: CastVote) =>
  postJson(`/api/phoenix/proposals/${encodeURIComponent(id)}/vote`, vote, ProposalDetail);

export const createProposal = (proposal: CreateProposal) => postJson('/api/phoenix/proposals', proposal, Created);

export const listArtifacts = (signal?: AbortSignal) => getJson('/api/phoenix/artifacts', ArtifactList, { signal });

export const artifactHistory = (kind: ProposalKind, target: string, signal?: AbortSignal) =>
  getJson(`/api/phoenix/artifacts/${kind}/${encodeURIComponent(target)}`, ArtifactHistory, { signal });
