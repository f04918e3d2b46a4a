import type { AppliedBody__Output } from '@pagi/contracts/gen/consensus/AppliedBody.ts';
import type { DecisionBody__Output } from '@pagi/contracts/gen/consensus/DecisionBody.ts';
import type { ProposalBody__Output } from '@pagi/contracts/gen/consensus/ProposalBody.ts';
import type { VoteBody__Output } from '@pagi/contracts/gen/consensus/VoteBody.ts';
import { WireError } from '../wire.ts';
import { applyReady } from './apply.ts';
import { appliedCodec, decisionCodec, proposalCodec, voteCodec } from './codec.ts';
import type { Core, Rec, Verdict } from './core.ts';
import { autoVote, maybeDecide } from './decide.ts';
import { justifies, membershipProblem, type Outcome, proposalProblem, voteProblem } from './rules.ts';
import { proposalIdOf, type Signed, signedBy } from './signing.ts';

// Taking in what peers send: each item is decoded within its bound, its signature checked against the peer it names,
// and its content against the rules, before anything is stored. Nothing a peer sends can count unless it passes.

const MAX_ORPHANS = 2_000;
const MAX_WAITING = 256;
/** How long after its deadline a proposal naming unknown peers is still kept, for its decision to become checkable. */
const WAIT_AFTER_DEADLINE_MS = 24 * 3600_000;

function decode<T>(decodeFn: (b: Uint8Array) => T, bytes: Uint8Array): T | null {
  try {
    return decodeFn(bytes);
  } catch (err) {
    if (err instanceof WireError) return null;
    throw err;
  }
}

/**
 * Checks a signed proposal: its body, or null when it fails (the reason is noted), or 'wait' when it names a peer this
 * node has not met yet — it is kept aside and checked again as the fleet becomes known (`retryWaiting`).
 */
function verifyProposal(core: Core, signed: Signed): ProposalBody__Output | null | 'wait' {
  const body = decode(proposalCodec.decode, signed.body);
  if (!body) return refuse(core, 'malformed proposal');
  if (!signedBy(signed, body.proposer)) return refuse(core, 'proposal not signed by its proposer');
  const ctx = {
    now: core.now(),
    quorumRatio: core.opts.quorumRatio,
    maxSkewMs: core.opts.maxSkewMs,
    isMember: (p: string) => p === core.me || core.opts.membership.isMember(p),
    isVoter: (p: string) => (p === core.me ? core.opts.voter : core.opts.membership.isVoter(p)),
  };
  const problem = proposalProblem(body, ctx) ?? membershipProblem(body, ctx);
  if (problem === 'unknown') return 'wait';
  return problem ? refuse(core, `proposal refused: ${problem}`) : body;
}

/** Keeps a proposal (and its decision) from peers not met yet, bounded; dropped once its deadline is long past. */
function wait(core: Core, id: string, proposal: Signed, decision?: Signed): Verdict {
  const held = core.waiting.get(id);
  if (held || core.waiting.size < MAX_WAITING) core.waiting.set(id, { proposal, decision: decision ?? held?.decision });
  return 'ignore';
}

/** Takes again the proposals kept aside, now that more of the fleet may be known. */
export function retryWaiting(core: Core): void {
  for (const [id, held] of core.waiting) {
    const body = decode(proposalCodec.decode, held.proposal.body);
    if (!body || core.now() > body.deadline_ms + WAIT_AFTER_DEADLINE_MS || core.recs.has(id)) {
      core.waiting.delete(id);
      continue;
    }
    const verdict = held.decision ? takeDecision(core, held.decision) : takeProposal(core, held.proposal);
    if (core.recs.has(id) || verdict === 'reject') core.waiting.delete(id);
  }
}

function refuse(core: Core, msg: string): null {
  core.note(msg, {});
  return null;
}

export function takeProposal(core: Core, signed: Signed): Verdict {
  const id = proposalIdOf(signed);
  if (core.recs.has(id)) return 'ignore';
  const body = verifyProposal(core, signed);
  if (body === 'wait') return wait(core, id, signed);
  if (!body) return 'reject';
  addProposal(core, id, signed, body);
  return 'accept';
}

function addProposal(core: Core, id: string, signed: Signed, body: ProposalBody__Output): Rec {
  const rec: Rec = {
    id,
    proposal: signed,
    body,
    receivedAtMs: core.now(),
    decision: null,
    outcome: null,
    decidedAtMs: null,
    votes: new Map(),
    equivocations: new Map(),
    applications: new Map(),
  };
  core.recs.set(id, rec);
  core.store.addProposal({ ...rec, votes: new Map(), equivocations: new Map(), applications: new Map() });
  core.announce('proposed', rec);
  for (const o of core.orphans.get(id) ?? []) (o.kind === 'vote' ? takeVote : takeApplied)(core, o.signed);
  core.orphans.delete(id);
  autoVote(core, rec);
  return rec;
}

function keepOrphan(core: Core, id: string, kind: 'vote' | 'applied', signed: Signed): Verdict {
  let n = 0;
  for (const list of core.orphans.values()) n += list.length;
  if (n >= MAX_ORPHANS) return 'ignore';
  const list = core.orphans.get(id) ?? [];
  if (!list.some((o) => Buffer.compare(o.signed.body, signed.body) === 0)) list.push({ kind, signed });
  core.orphans.set(id, list);
  return 'ignore';
}

/** Checks a signed vote against its proposal; the vote's body, or the reason it cannot count. */
function verifyVote(rec: Rec, signed: Signed): VoteBody__Output | string {
  const vote = decode(voteCodec.decode, signed.body);
  if (!vote) return 'malformed vote';
  if (!signedBy(signed, vote.voter)) return 'vote not signed by its voter';
  return voteProblem(vote, rec.id, rec.body) ?? vote;
}

export function takeVote(core: Core, signed: Signed): Verdict {
  const peek = decode(voteCodec.decode, signed.body);
  if (!peek) return 'reject';
  const rec = core.recs.get(peek.proposal_id);
  if (!rec) return signedBy(signed, peek.voter) ? keepOrphan(core, peek.proposal_id, 'vote', signed) : 'reject';
  // Votes are re-sent until decided: one already held is dropped before its signature is checked again.
  const same = (s?: Signed) => s !== undefined && Buffer.compare(s.body, signed.body) === 0;
  if (same(rec.votes.get(peek.voter)?.signed) || same(rec.equivocations.get(peek.voter)?.vote)) return 'ignore';
  const vote = verifyVote(rec, signed);
  if (typeof vote === 'string') return refuse(core, `vote refused: ${vote}`) ?? 'reject';
  return recordVote(core, rec, vote, signed);
}

function recordVote(core: Core, rec: Rec, vote: VoteBody__Output, signed: Signed): Verdict {
  const held = rec.votes.get(vote.voter);
  if (held) {
    if (Buffer.compare(held.signed.body, signed.body) === 0 || rec.equivocations.has(vote.voter)) return 'ignore';
    // A second, different vote: both are kept as evidence and neither counts from now on.
    rec.equivocations.set(vote.voter, { vote: signed, atMs: core.now() });
    core.store.addEquivocation(rec.id, vote.voter, signed, core.now());
    core.note('equivocating vote', { proposal: rec.id, voter: vote.voter });
    core.announce('equivocation', rec);
    return 'accept';
  }
  rec.votes.set(vote.voter, { signed, body: vote });
  core.store.addVote(rec.id, vote.voter, signed, core.now());
  core.announce('voted', rec);
  maybeDecide(core, rec);
  return 'accept';
}

export function takeDecision(core: Core, signed: Signed): Verdict {
  const d = decode(decisionCodec.decode, signed.body);
  if (!d?.proposal) return 'reject';
  const id = proposalIdOf(d.proposal);
  const known = core.recs.get(id);
  if (known?.decision) {
    if (Buffer.compare(known.decision.body, signed.body) === 0) return 'ignore';
    core.note('a second decision for a decided proposal (kept the first)', { proposal: id });
    return 'reject';
  }
  const body = known?.body ?? verifyProposal(core, d.proposal);
  if (body === 'wait') return wait(core, id, d.proposal, signed);
  if (!body) return 'reject';
  if (!signedBy(signed, body.proposer)) return refuse(core, 'decision not signed by the proposer') ?? 'reject';
  const votes = checkCarried(core, { id, body } as Rec, d);
  if (!votes) return 'reject';
  const rec = known ?? addProposal(core, id, d.proposal, body);
  for (const v of votes) recordVote(core, rec, v.body, v.signed);
  if (rec.decision) return 'ignore'; // recording the votes made this node (the proposer) decide itself
  setDecision(core, rec, signed, d.outcome as Outcome, d.decided_at_ms);
  return 'accept';
}

/** The votes a decision carries, when every one is valid and together they justify its outcome. */
function checkCarried(core: Core, rec: Rec, d: DecisionBody__Output) {
  const seen = new Set<string>();
  const votes: { signed: Signed; body: VoteBody__Output }[] = [];
  for (const signed of d.votes) {
    const vote = verifyVote(rec, signed);
    if (typeof vote === 'string' || seen.has(vote.voter)) return refuse(core, 'decision carries an invalid vote');
    seen.add(vote.voter);
    votes.push({ signed, body: vote });
  }
  const accepts = votes.filter((v) => v.body.accept).length;
  if (d.outcome === 'expired' && d.decided_at_ms < rec.body.deadline_ms) return refuse(core, 'expired early');
  if (!justifies(rec.body, d.outcome, accepts, votes.length - accepts))
    return refuse(core, `decision ${d.outcome} not justified by its votes`);
  return votes;
}

export function setDecision(core: Core, rec: Rec, signed: Signed, outcome: Outcome, at: number): void {
  rec.decision = signed;
  rec.outcome = outcome;
  rec.decidedAtMs = at;
  core.store.setDecision(rec.id, signed);
  core.announce('decided', rec);
  if (outcome === 'accepted') applyReady(core);
}

export function takeApplied(core: Core, signed: Signed): Verdict {
  const a = decode(appliedCodec.decode, signed.body);
  if (!a || !signedBy(signed, a.peer)) return 'reject';
  const rec = core.recs.get(a.proposal_id);
  if (!rec) return keepOrphan(core, a.proposal_id, 'applied', signed);
  if (rec.applications.has(a.peer)) return 'ignore';
  if (rec.outcome !== 'accepted') return 'ignore'; // arrived before the decision: catch-up brings it again
  recordApplied(core, rec, a, signed);
  return 'accept';
}

export function recordApplied(core: Core, rec: Rec, a: AppliedBody__Output, signed: Signed): void {
  rec.applications.set(a.peer, { signed, body: a });
  core.store.addApplication(rec.id, a.peer, signed);
  core.announce(a.outcome === 'applied' ? 'applied' : 'conflict', rec);
}
