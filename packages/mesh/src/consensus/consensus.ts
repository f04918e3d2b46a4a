import {
  type ArtifactVersion,
  CodedError,
  type ProposalDetail,
  type ProposalEvent,
  type ProposalKind,
  type ProposalStatus,
  type ProposalSummary,
} from '@pagi/contracts';
import { WireError } from '../wire.ts';
import { applyReady } from './apply.ts';
import { answerSync, catchUp } from './catch-up.ts';
import { appliedCodec, decisionCodec, envelopeCodec, proposalCodec, voteCodec } from './codec.ts';
import { type ConsensusOptions, Core, type Rec, type Verdict } from './core.ts';
import { castVote, maybeDecide } from './decide.ts';
import { retryWaiting, takeApplied, takeDecision, takeProposal, takeVote } from './intake.ts';
import { type Outcome, quorumFor } from './rules.ts';
import { seal, sha256hex } from './signing.ts';
import { artifactOf, detailOf, summaryOf } from './view.ts';

/** How long after this node first held a proposal it re-sends the proposal (if its own) and its vote. */
const RESEND_FOR_MS = 5 * 60_000;

export interface ProposeInput {
  kind: ProposalKind;
  target: string;
  payload: Uint8Array;
  reason: string;
  deadlineMs: number;
}

/**
 * Consensus Sync on one node: propose a change to the fleet, vote, take in what peers send (`receive`, `catchUp`),
 * and read proposals and artifact versions. The transport and the clock come from outside, so the same code runs on
 * libp2p and in the deterministic simulation.
 */
export class Consensus {
  readonly core: Core;

  constructor(opts: ConsensusOptions) {
    this.core = new Core(opts);
    for (const s of opts.store.loadAll()) {
      const body = proposalCodec.decode(s.proposal.body);
      const rec: Rec = { ...s, body, outcome: null, decidedAtMs: null, votes: new Map(), applications: new Map() };
      for (const [voter, signed] of s.votes) rec.votes.set(voter, { signed, body: voteCodec.decode(signed.body) });
      for (const [peer, signed] of s.applications)
        rec.applications.set(peer, { signed, body: appliedCodec.decode(signed.body) });
      if (s.decision) {
        const d = decisionCodec.decode(s.decision.body);
        rec.outcome = d.outcome as Outcome;
        rec.decidedAtMs = d.decided_at_ms;
      }
      this.core.recs.set(s.id, rec);
    }
  }

  get peerId(): string {
    return this.core.me;
  }

  /** Every change to a proposal (proposed, voted, decided, applied…), for live views. */
  on(event: 'event', listener: (e: ProposalEvent) => void): void {
    this.core.on(event, listener);
  }

  off(event: 'event', listener: (e: ProposalEvent) => void): void {
    this.core.off(event, listener);
  }

  /** Proposes a change to every twin of the fleet; returns its id. */
  propose(input: ProposeInput): string {
    const core = this.core;
    const applier = core.opts.appliers[input.kind];
    applier.validate(input.payload, input.target);
    const cur = core.current(input.kind, input.target);
    const payloadSha = sha256hex(input.payload);
    if (payloadSha === cur.sha256)
      throw new CodedError('invalid_request', `that is the ${input.kind} ${input.target} this node holds already`);
    const voters = [...new Set(core.opts.membership.onlineVoters())].sort();
    const known = Math.max(core.opts.membership.knownVoters(), voters.length);
    const quorum = quorumFor(voters.length, core.opts.quorumRatio, known);
    if (voters.length === 0) throw new CodedError('failed_precondition', 'no voter of the fleet is online');
    if (quorum > voters.length)
      throw new CodedError(
        'failed_precondition',
        `only ${voters.length} of the fleet's ${known} voters are online; a decision needs ${quorum}`,
      );
    const now = core.now();
    const body = proposalCodec.encode({
      kind: input.kind,
      target: input.target,
      payload: input.payload,
      payload_sha256: payloadSha,
      base_version: cur.version,
      base_sha256: cur.sha256,
      proposer: core.me,
      reason: input.reason,
      created_at_ms: now,
      deadline_ms: now + input.deadlineMs,
      voters,
      quorum,
    });
    const signed = seal(core.opts.signer, body);
    // The proposal goes out before the proposer's own vote (taken with it) and before a decision it may allow.
    core.publish({ proposal: signed });
    const id = sha256hex(body);
    if (takeProposal(core, signed) !== 'accept')
      throw new CodedError('internal', 'the proposal did not pass its own checks');
    return id;
  }

  vote(id: string, vote: 'accept' | 'reject', reason = ''): void {
    castVote(this.core, this.rec(id), vote === 'accept', reason);
  }

  /** Takes one gossip message from a peer. */
  receive(bytes: Uint8Array): Verdict {
    let env: ReturnType<typeof envelopeCodec.decode>;
    try {
      env = envelopeCodec.decode(bytes);
    } catch (err) {
      if (err instanceof WireError) return 'reject';
      throw err;
    }
    if (env.proposal) return takeProposal(this.core, env.proposal);
    if (env.vote) return takeVote(this.core, env.vote);
    if (env.decision) return takeDecision(this.core, env.decision);
    if (env.applied) return takeApplied(this.core, env.applied);
    return 'reject';
  }

  answerSync(request: Uint8Array): Uint8Array {
    return answerSync(this.core, request);
  }

  catchUp(peer: string): Promise<number> {
    return catchUp(this.core, peer);
  }

  /**
   * Periodic work: the proposer decides proposals whose deadline passed, and this node re-sends what peers may have
   * missed (its own open proposals and votes); accepted changes it was behind on are applied once it caught up.
   */
  tick(resend: boolean): void {
    const core = this.core;
    for (const rec of core.recs.values()) {
      if (rec.decision) continue;
      maybeDecide(core, rec);
      const age = core.now() - rec.receivedAtMs;
      // Re-sent for a while; a proposal open for days relies on catch-up instead of gossiping all that time.
      if (!resend || rec.decision || age > RESEND_FOR_MS || core.now() > rec.body.deadline_ms + core.opts.graceMs)
        continue;
      if (rec.body.proposer === core.me) core.publish({ proposal: rec.proposal });
      const mine = rec.votes.get(core.me);
      if (mine) core.publish({ vote: mine.signed });
    }
    retryWaiting(core);
    applyReady(core);
  }

  list(filter: { status?: ProposalStatus; limit?: number } = {}): ProposalSummary[] {
    return [...this.core.recs.values()]
      .map((r) => summaryOf(this.core, r))
      .filter((s) => !filter.status || s.status === filter.status)
      .sort((a, b) => b.created_at_ms - a.created_at_ms)
      .slice(0, filter.limit ?? 100);
  }

  get(id: string): ProposalDetail {
    return detailOf(this.core, this.rec(id));
  }

  artifacts(): ArtifactVersion[] {
    return this.core.store.artifacts().map(artifactOf);
  }

  history(kind: ProposalKind, target: string): ArtifactVersion[] {
    return this.core.store.artifacts(kind, target).map(artifactOf);
  }

  /** The content of one version this node applied (to propose going back to it). */
  version(kind: ProposalKind, target: string, version: number): Uint8Array {
    const row = this.core.store.artifactVersion(kind, target, version);
    if (!row) throw new CodedError('not_found', `this node holds no version ${version} of ${kind} ${target}`);
    return row.content;
  }

  private rec(id: string): Rec {
    const rec = this.core.recs.get(id);
    if (!rec) throw new CodedError('not_found', `no proposal ${id} on this node`);
    return rec;
  }
}
