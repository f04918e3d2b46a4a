// The properties every simulated run must keep, checked from each node's state with the protocol's primitives
// (signatures, codecs, the quorum rule) rather than its conclusions.
import { decisionCodec, voteCodec } from '../../src/consensus/codec.ts';
import { quorumFor } from '../../src/consensus/rules.ts';
import { sha256hex, signedBy } from '../../src/consensus/signing.ts';
import type { AdversaryLog } from './sim-adversary.ts';
import type { SimCluster } from './sim-cluster.ts';

export interface RunStats {
  accepted: number;
  rejected: number;
  expired: number;
  equivocationsSeen: number;
  refused: number;
}

/** Violations found (empty when the run kept every invariant), and what the run did. */
export function check(cluster: SimCluster, adversary: AdversaryLog): { violations: string[]; stats: RunStats } {
  const v: string[] = [];
  const stats: RunStats = { accepted: 0, rejected: 0, expired: 0, equivocationsSeen: 0, refused: 0 };
  const decisions = new Map<string, Buffer>();
  const acceptedSlots = new Map<string, string>();
  const nodes = [...cluster.nodes.values()];
  v.push(...cluster.violations);

  for (const node of nodes) {
    stats.refused += node.refused;
    const recs = node.consensus.core.recs;
    for (const id of cluster.proposals) if (!recs.has(id)) v.push(`${short(node.id)} never heard of ${short(id)}`);
    for (const rec of recs.values()) {
      const n = rec.body.voters.length;
      if (rec.body.quorum < quorumFor(n, 2 / 3) || rec.body.quorum * 2 <= n) v.push(`weak quorum on ${short(rec.id)}`);
      // Every stored vote is genuine, by a voter of the set, and never by an outsider or forged.
      for (const [voter, vote] of rec.votes) {
        const body = voteCodec.decode(vote.signed.body);
        if (!signedBy(vote.signed, voter) || body.voter !== voter || !rec.body.voters.includes(voter))
          v.push(`${short(node.id)} holds an invalid vote on ${short(rec.id)}`);
        if (adversary.outsiders.has(voter)) v.push(`${short(node.id)} holds an outsider's vote`);
        if (adversary.forged.has(Buffer.from(vote.signed.body).toString('hex'))) v.push('a forged vote was stored');
        if (body.signed_at_ms > rec.body.deadline_ms) v.push('a late vote was stored');
      }
      stats.equivocationsSeen += rec.equivocations.size;
      // Agreement: one decision per proposal, the same bytes on every node that holds it.
      if (!rec.decision) {
        v.push(`${short(node.id)} left ${short(rec.id)} undecided`);
        continue;
      }
      const first = decisions.get(rec.id);
      if (first && Buffer.compare(first, rec.decision.body) !== 0) v.push(`two decisions for ${short(rec.id)}`);
      decisions.set(rec.id, Buffer.from(rec.decision.body));
      if (!signedBy(rec.decision, rec.body.proposer)) v.push('a decision not signed by its proposer');
    }
  }

  // Each decision is justified by valid votes (that it counts no known equivocator is checked as it is made).
  for (const [id, bytes] of decisions) {
    const d = decisionCodec.decode(bytes);
    const rec = nodes.map((n) => n.consensus.core.recs.get(id)).find(Boolean)!;
    const voters = new Set<string>();
    let accepts = 0;
    for (const signed of d.votes) {
      const vote = voteCodec.decode(signed.body);
      if (!signedBy(signed, vote.voter) || vote.proposal_id !== id || !rec.body.voters.includes(vote.voter))
        v.push(`decision ${short(id)} carries an invalid vote`);
      if (voters.has(vote.voter)) v.push(`decision ${short(id)} counts a voter twice`);
      voters.add(vote.voter);
      if (vote.accept) accepts++;
    }
    stats[d.outcome as 'accepted' | 'rejected' | 'expired']++;
    if (d.outcome === 'accepted') {
      if (accepts < rec.body.quorum) v.push(`accepted ${short(id)} without a quorum`);
      const slot = `${rec.body.kind}/${rec.body.target}@${rec.body.base_version}`;
      if (acceptedSlots.has(slot)) v.push(`two accepted changes replace ${slot}`);
      acceptedSlots.set(slot, id);
    }
  }

  // Applied only when accepted with a quorum; every node ends with the same versions, and the content to match.
  const finals = new Map<string, string>();
  for (const node of nodes) {
    for (const row of node.store.artifacts()) {
      const d = decisions.get(row.proposal_id);
      if (!d || decisionCodec.decode(d).outcome !== 'accepted') v.push(`${short(node.id)} applied an undecided change`);
      const key = `${row.kind}/${row.target}`;
      const val = `${row.version}:${row.sha256}`;
      if (finals.has(key) && finals.get(key) !== val) v.push(`${key} diverged: ${finals.get(key)} vs ${val}`);
      finals.set(key, val);
      const held = sha256hex(node.appliers[row.kind as 'playbook'].read(row.target));
      if (held !== row.sha256) v.push(`${short(node.id)} records ${key} v${row.version} but holds other content`);
    }
    for (const rec of node.consensus.core.recs.values()) {
      const mine = rec.applications.get(node.id);
      if (rec.outcome === 'accepted' && !mine) v.push(`${short(node.id)} did not apply ${short(rec.id)}`);
      if (mine && mine.body.outcome !== 'applied') v.push(`${short(node.id)}: conflict on ${short(rec.id)}`);
    }
  }
  for (const node of nodes)
    for (const key of finals.keys()) {
      const [kind, target] = key.split('/') as [string, string];
      if (!node.store.latestArtifact(kind, target)) v.push(`${short(node.id)} lacks ${key}`);
    }
  return { violations: [...new Set(v)], stats };
}

const short = (id: string) => id.slice(-6);
