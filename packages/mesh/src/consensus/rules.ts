import { ArtifactTarget, MAX_DEADLINE_S, MAX_PROPOSAL_PAYLOAD_BYTES, PROPOSAL_KINDS } from '@pagi/contracts';
import type { ProposalBody__Output } from '@pagi/contracts/gen/consensus/ProposalBody.ts';
import type { VoteBody__Output } from '@pagi/contracts/gen/consensus/VoteBody.ts';
import { MAX_VOTERS } from './codec.ts';
import { sha256hex } from './signing.ts';

// The protocol's rules, as pure functions: what makes a proposal well-formed, how many votes carry it, and what a set
// of counted votes decides. Every node applies the same rules to the same signed items, so they reach the same result.

/** Accept votes that carry a proposal among `voters`: the configured share, and always a strict majority of the voters
 * at proposal time and of every voter the proposer knows (so that two halves of a split fleet cannot both decide). */
export function quorumFor(voters: number, ratio: number, knownVoters = voters): number {
  // A ratio written with a few decimals (0.6667) means the fraction it rounds (2/3): 3 voters need 2, not 3.
  const share = Math.ceil(ratio * voters - 1e-3);
  return Math.max(1, share, Math.floor(voters / 2) + 1, Math.floor(knownVoters / 2) + 1);
}

export interface ProposalContext {
  now: number;
  /** The share of voters this node requires at least. */
  quorumRatio: number;
  /** How far in the future a proposal's creation time may be (clock skew). */
  maxSkewMs: number;
  /** Whether this node knows `peer` as a member of the fleet, and as a voter. */
  isMember(peer: string): boolean;
  isVoter(peer: string): boolean;
}

/** Why a proposal is not acceptable, or null. The signature is checked by the caller. */
export function proposalProblem(p: ProposalBody__Output, ctx: ProposalContext): string | null {
  if (!(PROPOSAL_KINDS as readonly string[]).includes(p.kind)) return `unknown kind ${JSON.stringify(p.kind)}`;
  if (!ArtifactTarget.safeParse(p.target).success || ArtifactTarget.parse(p.target) !== p.target) return 'bad target';
  if (p.payload.byteLength > MAX_PROPOSAL_PAYLOAD_BYTES) return 'payload too large';
  if (sha256hex(p.payload) !== p.payload_sha256) return 'payload does not match its hash';
  if (!/^[0-9a-f]{64}$/.test(p.base_sha256)) return 'bad base hash';
  if (p.reason.length > 1024) return 'reason too long';
  if (p.created_at_ms > ctx.now + ctx.maxSkewMs) return 'created in the future';
  if (!(p.deadline_ms > p.created_at_ms && p.deadline_ms - p.created_at_ms <= MAX_DEADLINE_S * 1000))
    return 'bad deadline';
  const v = p.voters;
  if (v.length === 0 || v.length > MAX_VOTERS) return 'bad voter count';
  for (let i = 1; i < v.length; i++) if (!(v[i - 1]! < v[i]!)) return 'voters not sorted and unique';
  const needed = quorumFor(v.length, ctx.quorumRatio);
  if (p.quorum < needed || p.quorum > v.length) return `quorum ${p.quorum} outside ${needed}..${v.length}`;
  return null;
}

/**
 * Whether the proposer and every voter are members this node knows (a voter as a voter): 'unknown' when one was never
 * met (this node may simply not have met it yet), a reason when one is known to be something else, null when all hold.
 */
export function membershipProblem(p: ProposalBody__Output, ctx: ProposalContext): 'unknown' | string | null {
  const strangers = [p.proposer, ...p.voters].filter((peer) => !ctx.isMember(peer));
  if (strangers.length) return 'unknown';
  const observer = p.voters.find((peer) => !ctx.isVoter(peer));
  return observer ? `${observer} is in the voter set but is not a voter of this fleet` : null;
}

/** Why a vote cannot count for `proposal` (whose id is `id`), or null. The signature is checked by the caller. */
export function voteProblem(vote: VoteBody__Output, id: string, proposal: ProposalBody__Output): string | null {
  if (vote.proposal_id !== id) return 'vote for another proposal';
  if (!proposal.voters.includes(vote.voter)) return 'voter outside the voter set';
  if (vote.signed_at_ms > proposal.deadline_ms) return 'vote signed after the deadline';
  if (vote.reason.length > 1024) return 'reason too long';
  return null;
}

export type Outcome = 'accepted' | 'rejected' | 'expired';

/** What counted votes decide now: accepted at quorum, rejected once quorum cannot be reached, else nothing yet. */
export function outcomeOf(p: ProposalBody__Output, accepts: number, rejects: number): Outcome | null {
  if (accepts >= p.quorum) return 'accepted';
  if (rejects > p.voters.length - p.quorum) return 'rejected';
  return null;
}

/** Whether a decision's carried votes justify its outcome. */
export function justifies(p: ProposalBody__Output, outcome: string, accepts: number, rejects: number): boolean {
  if (outcome === 'accepted') return accepts >= p.quorum;
  if (outcome === 'rejected') return rejects > p.voters.length - p.quorum;
  return outcome === 'expired' && accepts < p.quorum;
}
