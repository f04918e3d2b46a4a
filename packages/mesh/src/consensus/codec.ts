import { MAX_PROPOSAL_PAYLOAD_BYTES } from '@pagi/contracts';
import type { AppliedBody, AppliedBody__Output } from '@pagi/contracts/gen/consensus/AppliedBody.ts';
import type { DecisionBody, DecisionBody__Output } from '@pagi/contracts/gen/consensus/DecisionBody.ts';
import type { Envelope, Envelope__Output } from '@pagi/contracts/gen/consensus/Envelope.ts';
import type { ProposalBody, ProposalBody__Output } from '@pagi/contracts/gen/consensus/ProposalBody.ts';
import type { SyncRequest, SyncRequest__Output } from '@pagi/contracts/gen/consensus/SyncRequest.ts';
import type { SyncResponse, SyncResponse__Output } from '@pagi/contracts/gen/consensus/SyncResponse.ts';
import type { VoteBody, VoteBody__Output } from '@pagi/contracts/gen/consensus/VoteBody.ts';
import { codec } from '../wire.ts';

// Encoding of the consensus messages (proto/consensus.proto), each bounded: a proposal is its payload plus under a
// few kilobytes; a decision adds one signed vote (~250 bytes) per voter, and there are at most MAX_VOTERS.

export const MAX_VOTERS = 64;
export const MAX_PROPOSAL_BYTES = MAX_PROPOSAL_PAYLOAD_BYTES + 8 * 1024;
export const MAX_VOTE_BYTES = 2048;
/** A gossip message: a decision (a proposal and its votes) is the largest. */
export const MAX_ENVELOPE_BYTES = MAX_PROPOSAL_BYTES + MAX_VOTERS * (MAX_VOTE_BYTES + 128) + 4096;
/** A catch-up page: the answering node stops adding proposals past 1 MB; this leaves room for the last one. */
export const SYNC_PAGE_BYTES = 1024 * 1024;
export const MAX_SYNC_RESPONSE_BYTES = SYNC_PAGE_BYTES + 2 * MAX_ENVELOPE_BYTES;

export const proposalCodec = codec<ProposalBody, ProposalBody__Output>('consensus.ProposalBody', MAX_PROPOSAL_BYTES);
export const voteCodec = codec<VoteBody, VoteBody__Output>('consensus.VoteBody', MAX_VOTE_BYTES);
export const decisionCodec = codec<DecisionBody, DecisionBody__Output>('consensus.DecisionBody', MAX_ENVELOPE_BYTES);
export const appliedCodec = codec<AppliedBody, AppliedBody__Output>('consensus.AppliedBody', MAX_VOTE_BYTES);
export const envelopeCodec = codec<Envelope, Envelope__Output>('consensus.Envelope', MAX_ENVELOPE_BYTES);
export const syncRequestCodec = codec<SyncRequest, SyncRequest__Output>('consensus.SyncRequest', 1024);
export const syncResponseCodec = codec<SyncResponse, SyncResponse__Output>(
  'consensus.SyncResponse',
  MAX_SYNC_RESPONSE_BYTES,
);
