import { CodedError } from '@pagi/contracts';
import { decisionCodec, voteCodec } from './codec.ts';
import type { Core, Rec } from './core.ts';
import { setDecision, takeVote } from './intake.ts';
import { outcomeOf } from './rules.ts';
import { seal } from './signing.ts';

// Votes and decisions. A proposal is decided by its proposer alone, which is what keeps every node's view the same:
// one signed decision per proposal, carrying the votes that justify it, so others check it rather than trust it.
// A voter may accept only one change per artifact version: two rival proposals can then never both gather a quorum,
// because quorums overlap in at least one honest voter.

/** The proposer decides as soon as the counted votes allow, or expires the proposal once its deadline has passed. */
export function maybeDecide(core: Core, rec: Rec): void {
  if (rec.decision || rec.body.proposer !== core.me) return;
  const { accept, reject } = core.counted(rec);
  let outcome = outcomeOf(rec.body, accept.length, reject.length);
  if (!outcome && core.now() >= rec.body.deadline_ms + core.opts.graceMs) outcome = 'expired';
  if (!outcome) return;
  const votes = outcome === 'accepted' ? accept : outcome === 'rejected' ? reject : [...accept, ...reject];
  const decidedAt = Math.max(core.now(), outcome === 'expired' ? rec.body.deadline_ms : 0);
  const signed = seal(
    core.opts.signer,
    decisionCodec.encode({ proposal: rec.proposal, outcome, votes, decided_at_ms: decidedAt }),
  );
  setDecision(core, rec, signed, outcome, decidedAt);
  core.publish({ decision: signed });
}

/** Why this node may not cast `accept` (or any vote) on a proposal now, or null. */
export function voteBlocked(core: Core, rec: Rec, accept: boolean): string | null {
  if (!core.opts.voter || !rec.body.voters.includes(core.me)) return 'this node is not among the proposal’s voters';
  if (rec.votes.has(core.me)) return 'this node has voted on this proposal already';
  if (rec.outcome) return `the proposal is ${rec.outcome} already`;
  if (core.now() > rec.body.deadline_ms) return 'the voting deadline has passed';
  if (!accept) return null;
  const b = rec.body;
  const cur = core.current(b.kind, b.target);
  if (cur.version < b.base_version)
    return `this node is behind on ${b.kind} ${b.target} (version ${cur.version}, the change replaces version ${b.base_version}): it catches up first`;
  if (cur.version !== b.base_version || cur.sha256 !== b.base_sha256)
    return `this node holds another ${b.kind} ${b.target} than the one the change replaces`;
  for (const other of core.recs.values()) {
    if (other === rec || other.body.kind !== b.kind || other.body.target !== b.target) continue;
    if (other.body.base_version !== b.base_version) continue;
    if (other.outcome === 'rejected' || other.outcome === 'expired') continue;
    if (other.votes.get(core.me)?.body.accept) return `this node accepted a rival change (${other.id.slice(0, 12)})`;
  }
  return null;
}

/** Signs and sends this node's vote. */
export function castVote(core: Core, rec: Rec, accept: boolean, reason: string): void {
  const blocked = voteBlocked(core, rec, accept);
  if (blocked) throw new CodedError('failed_precondition', blocked);
  const signed = seal(
    core.opts.signer,
    voteCodec.encode({ proposal_id: rec.id, voter: core.me, accept, reason, signed_at_ms: core.now() }),
  );
  takeVote(core, signed);
  core.publish({ vote: signed });
}

/**
 * What this node does by itself when a proposal arrives: its proposer accepts its own; a kind the local policy
 * refuses, a change over content this node does not hold, or a rival of a change it accepted are rejected. Anything
 * else waits for a person's vote.
 */
export function autoVote(core: Core, rec: Rec): void {
  if (voteBlocked(core, rec, false)) return;
  if (rec.body.proposer === core.me) {
    if (!voteBlocked(core, rec, true)) castVote(core, rec, true, 'proposed it');
    return;
  }
  if (core.opts.autoReject.includes(rec.body.kind)) {
    castVote(core, rec, false, `this node’s policy rejects ${rec.body.kind} changes`);
    return;
  }
  const blocked = voteBlocked(core, rec, true);
  if (blocked && !blocked.includes('behind')) castVote(core, rec, false, blocked);
}
