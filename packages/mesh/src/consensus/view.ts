import type { ArtifactVersion, ProposalDetail, ProposalKind, ProposalSummary } from '@pagi/contracts';
import type { ArtifactRow } from './consensus-store.ts';
import type { Core, Rec } from './core.ts';
import { voteBlocked } from './decide.ts';

// What a proposal looks like from this node, in the HTTP shapes of the contracts package.

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

export function summaryOf(core: Core, rec: Rec): ProposalSummary {
  const { accept, reject } = core.counted(rec);
  const mine = rec.votes.get(core.me);
  return {
    id: rec.id,
    kind: rec.body.kind as ProposalKind,
    target: rec.body.target,
    proposer: rec.body.proposer,
    proposer_name: core.opts.membership.nameOf(rec.body.proposer),
    reason: rec.body.reason,
    created_at_ms: rec.body.created_at_ms,
    deadline_ms: rec.body.deadline_ms,
    status: core.status(rec),
    tally: { accept: accept.length, reject: reject.length, needed: rec.body.quorum, voters: rec.body.voters.length },
    my_vote: mine ? (mine.body.accept ? 'accept' : 'reject') : null,
  };
}

export function detailOf(core: Core, rec: Rec): ProposalDetail {
  const b = rec.body;
  const cur = core.current(b.kind, b.target);
  const blocked = voteBlocked(core, rec, false);
  const name = (peer: string) => core.opts.membership.nameOf(peer);
  return {
    ...summaryOf(core, rec),
    payload: text(b.payload),
    payload_sha256: b.payload_sha256,
    base_version: b.base_version,
    base_sha256: b.base_sha256,
    current: { version: cur.version, sha256: cur.sha256, content: text(cur.content) },
    voters: b.voters.map((peer_id) => ({ peer_id, name: name(peer_id) })),
    decided_at_ms: rec.decidedAtMs,
    votes: [...rec.votes.values()]
      .map(({ body: v }) => ({
        voter: v.voter,
        voter_name: name(v.voter),
        vote: v.accept ? ('accept' as const) : ('reject' as const),
        reason: v.reason,
        signed_at_ms: v.signed_at_ms,
        counted: !rec.equivocations.has(v.voter),
      }))
      .sort((x, y) => x.signed_at_ms - y.signed_at_ms),
    applied: Object.fromEntries([...rec.applications].map(([peer, a]) => [peer, a.body.outcome === 'applied'])),
    applications: [...rec.applications.values()].map(({ body: a }) => ({
      peer: a.peer,
      peer_name: name(a.peer),
      outcome: a.outcome === 'applied' ? ('applied' as const) : ('conflict' as const),
      version: a.version,
      reason: a.reason,
      at_ms: a.at_ms,
    })),
    equivocations: [...rec.equivocations].map(([voter, e]) => ({ voter, at_ms: e.atMs })),
    can_vote: blocked === null,
    vote_blocked: blocked,
  };
}

export const artifactOf = (r: ArtifactRow): ArtifactVersion => ({
  kind: r.kind as ProposalKind,
  target: r.target,
  version: r.version,
  sha256: r.sha256,
  content: text(r.content),
  proposal_id: r.proposal_id,
  applied_at_ms: r.applied_at_ms,
});
