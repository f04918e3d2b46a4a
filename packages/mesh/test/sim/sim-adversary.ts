// What an attacker on the network sends during a simulated run: votes by a key outside the voter set, votes that
// claim an honest voter but are signed by another key, two different votes from a voter it controls (equivocation),
// votes signed after the deadline, decisions not signed by the proposer, tampered proposals, and replays.
import type { PrivateKey } from '@libp2p/interface';
import { decisionCodec, envelopeCodec, proposalCodec, voteCodec } from '../../src/consensus/codec.ts';
import { type Signed, seal, signerOf } from '../../src/consensus/signing.ts';
import type { SimCluster, SimNode } from './sim-cluster.ts';

export interface AdversaryLog {
  /** Peer ids whose votes must never count anywhere. */
  outsiders: Set<string>;
  /** Votes the attacker forged in an honest voter's name (bodies, hex). */
  forged: Set<string>;
  equivocations: number;
}

export function unleash(cluster: SimCluster, outsiderKey: PrivateKey, mallory: SimNode | null): AdversaryLog {
  const net = cluster.net;
  const outsider = signerOf(outsiderKey);
  const log: AdversaryLog = { outsiders: new Set([outsider.peerId]), forged: new Set(), equivocations: 0 };
  const toAll = (signed: Signed, kind: 'vote' | 'decision' | 'proposal', from = outsider.peerId, only?: string[]) => {
    const bytes = envelopeCodec.encode({ [kind]: signed });
    for (const peer of only ?? cluster.ids) if (peer !== from) net.send(from, peer, () => cluster.receive(peer, bytes));
  };
  const vote = (
    signer: { peerId: string; sign(b: Uint8Array): Uint8Array },
    id: string,
    voter: string,
    accept: boolean,
    at: number,
  ) => seal(signer, voteCodec.encode({ proposal_id: id, voter, accept, reason: 'adversary', signed_at_ms: at }));

  cluster.onNewProposal = (id, at) => {
    const rec = at.consensus.core.recs.get(id)!;
    const { deadline_ms: deadline, voters } = rec.body;
    const within = () => net.between(0, Math.max(1, deadline - net.now - 50));

    net.after(within(), () => toAll(vote(outsider, id, outsider.peerId, true, net.now), 'vote'));
    net.after(within(), () => {
      const victim = net.pick(voters);
      const forged = vote(outsider, id, victim, true, net.now);
      log.forged.add(Buffer.from(forged.body).toString('hex'));
      toAll(forged, 'vote');
    });
    net.after(within(), () => {
      const body = proposalCodec.decode(rec.proposal.body);
      const tampered = { ...body, payload: Buffer.from('tampered'), payload_sha256: body.payload_sha256 };
      toAll({ body: Buffer.from(proposalCodec.encode(tampered)), signature: rec.proposal.signature }, 'proposal');
    });
    net.after(within(), () => {
      const votes = [vote(outsider, id, outsider.peerId, true, net.now)];
      const d = decisionCodec.encode({ proposal: rec.proposal, outcome: 'accepted', votes, decided_at_ms: net.now });
      toAll(seal(outsider, d), 'decision');
    });
    if (!mallory || !voters.includes(mallory.id)) return;
    const m = signerOf(mallory.key);
    net.after(within(), () => {
      const yes = vote(m, id, m.peerId, true, net.now);
      const no = vote(m, id, m.peerId, false, net.now);
      const half = [...cluster.ids].sort(() => net.random() - 0.5);
      const cut = Math.floor(half.length / 2);
      log.equivocations++;
      toAll(yes, 'vote', m.peerId, half.slice(0, cut));
      toAll(no, 'vote', m.peerId, half.slice(cut));
      // Replayed later, after the decision, to everyone.
      net.after(deadline - net.now + 2_000, () => toAll(yes, 'vote', m.peerId));
    });
    net.at(deadline + 100, () => toAll(vote(m, id, m.peerId, true, deadline + 100), 'vote', m.peerId));
  };
  return log;
}
