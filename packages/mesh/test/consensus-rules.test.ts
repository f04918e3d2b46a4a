// Consensus Sync's rules and its refusals, on a small fleet over the simulated network without faults: quorum sizes,
// what a node refuses to take, conflicts, rollback, and what survives a restart.
import { describe, expect, it } from 'vitest';
import { decisionCodec, envelopeCodec, voteCodec } from '../src/consensus/codec.ts';
import { seal, signerOf } from '../src/consensus/signing.ts';
import { quorumFor } from '../src/index.ts';
import { keyFor, SimCluster } from './sim/sim-cluster.ts';

const calm = { drop: 0, duplicate: 0, minDelayMs: 1, maxDelayMs: 5 };

async function fleet(n: number) {
  const keys = await Promise.all(Array.from({ length: n }, (_, i) => keyFor(i)));
  const cluster = new SimCluster(7, keys, calm);
  for (const node of cluster.nodes.values()) node.presence = 0;
  cluster.start(60_000);
  const nodes = cluster.ids.map((id) => cluster.nodes.get(id)!);
  const propose = (i: number, payload: string, kind: 'system_prompt' | 'playbook' = 'system_prompt') =>
    nodes[i]!.consensus.propose({
      kind,
      target: 'default',
      payload: Buffer.from(payload),
      reason: 'test',
      deadlineMs: 5_000,
    });
  return { cluster, nodes, net: cluster.net, propose };
}

const prompt = (node: { appliers: { system_prompt: { read(t: string): Uint8Array } } }) =>
  Buffer.from(node.appliers.system_prompt.read('default')).toString();

describe('quorum', () => {
  it('is two thirds of the voters, and always a strict majority of them and of the fleet', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9, 10].map((n) => quorumFor(n, 2 / 3))).toEqual([1, 2, 2, 3, 4, 4, 5, 6, 7]);
    expect(quorumFor(4, 0.5)).toBe(3);
    expect([3, 6, 9, 64].map((n) => quorumFor(n, 0.6667))).toEqual([2, 4, 6, 43]);
    expect(quorumFor(4, 0.75)).toBe(3);
    // Two of five voters online: a majority of the five is needed, more than are online.
    expect(quorumFor(2, 2 / 3, 5)).toBe(3);
  });
});

describe('a small fleet', () => {
  it('refuses a proposal when too few of the known voters are online', async () => {
    const { nodes } = await fleet(3);
    const c = nodes[0]!.consensus;
    (c.core.opts.membership as { onlineVoters: () => string[] }).onlineVoters = () => [c.peerId];
    expect(() =>
      c.propose({
        kind: 'system_prompt',
        target: 'default',
        payload: Buffer.from('x'),
        reason: 'r',
        deadlineMs: 5_000,
      }),
    ).toThrow(/only 1 of the fleet's 3 voters are online; a decision needs 2/);
  });

  it('accepts with a quorum, applies everywhere, and lets the change be rolled back by a new proposal', async () => {
    const { nodes, net, propose } = await fleet(3);
    const id = propose(0, 'be brief');
    await net.run(net.now + 100);
    expect(() => nodes[1]!.consensus.vote(id, 'accept', 'fine')).not.toThrow();
    expect(() => nodes[1]!.consensus.vote(id, 'reject')).toThrow(/voted on this proposal already/);
    await net.run(net.now + 200);
    for (const n of nodes) expect(prompt(n)).toBe('be brief');
    const detail = nodes[2]!.consensus.get(id);
    expect(detail).toMatchObject({ status: 'accepted', tally: { accept: 2, needed: 2, voters: 3 } });
    expect(Object.values(detail.applied)).toEqual([true, true, true]);
    expect(nodes[2]!.consensus.history('system_prompt', 'default').map((v) => v.version)).toEqual([1]);

    const back = propose(2, `${Buffer.from(nodes[2]!.consensus.version('system_prompt', 'default', 1)).toString()}!`);
    await net.run(net.now + 100);
    nodes[0]!.consensus.vote(back, 'accept');
    await net.run(net.now + 200);
    expect(nodes.map(prompt)).toEqual(['be brief!', 'be brief!', 'be brief!']);
    expect(nodes[0]!.consensus.artifacts()).toMatchObject([{ kind: 'system_prompt', version: 2 }]);
  });

  it('rejects once the quorum cannot be reached, and expires at the deadline without votes', async () => {
    const { nodes, net, propose } = await fleet(3);
    const rejected = propose(0, 'no thanks');
    await net.run(net.now + 50);
    nodes[1]!.consensus.vote(rejected, 'reject');
    nodes[2]!.consensus.vote(rejected, 'reject');
    await net.run(net.now + 100);
    expect(nodes.map((n) => n.consensus.get(rejected).status)).toEqual(['rejected', 'rejected', 'rejected']);
    const quiet = propose(1, 'anyone?');
    await net.run(net.now + 5_150);
    expect(nodes[0]!.consensus.get(quiet)).toMatchObject({ status: 'expired', decided_at_ms: null }); // past the deadline, before the proposer decides
    await net.run(net.now + 1_000);
    expect(nodes.map((n) => n.consensus.get(quiet).decided_at_ms !== null)).toEqual([true, true, true]);
    expect(nodes.map(prompt)).toEqual(['be helpful', 'be helpful', 'be helpful']);
    expect(() => nodes[2]!.consensus.vote(quiet, 'accept')).toThrow(/expired already|deadline has passed/);
  });

  it('records a conflict on a node whose content changed outside the fleet, and its voters reject by themselves', async () => {
    const { nodes, net, propose } = await fleet(4);
    nodes[3]!.appliers.system_prompt.write('default', Buffer.from('changed by hand'));
    const id = propose(0, 'fleet prompt');
    await net.run(net.now + 100);
    const mine = nodes[3]!.consensus.get(id);
    expect(mine.my_vote).toBe('reject');
    nodes[1]!.consensus.vote(id, 'accept');
    nodes[2]!.consensus.vote(id, 'accept');
    await net.run(net.now + 200);
    expect(prompt(nodes[3]!)).toBe('changed by hand');
    const app = nodes[0]!.consensus.get(id).applications.find((a) => a.peer === nodes[3]!.id);
    expect(app).toMatchObject({ outcome: 'conflict', reason: expect.stringContaining('other content') });
  });

  it('refuses forged decisions and votes from outside the voter set', async () => {
    const { nodes, net, propose, cluster } = await fleet(3);
    const id = propose(0, 'guarded');
    await net.run(net.now + 50);
    const rec = nodes[1]!.consensus.core.recs.get(id)!;
    const stranger = signerOf(await keyFor(40));
    const strangerVote = seal(
      stranger,
      voteCodec.encode({ proposal_id: id, voter: stranger.peerId, accept: true, reason: '', signed_at_ms: net.now }),
    );
    const voterVote = seal(
      signerOf(nodes[2]!.key),
      voteCodec.encode({ proposal_id: id, voter: nodes[2]!.id, accept: true, reason: '', signed_at_ms: net.now }),
    );
    const take = (kind: 'vote' | 'decision', signed: ReturnType<typeof seal>) =>
      nodes[1]!.consensus.receive(envelopeCodec.encode({ [kind]: signed }));
    expect(take('vote', strangerVote)).toBe('reject');
    // A decision signed by someone other than the proposer, or one whose votes do not reach the quorum.
    const decision = (votes: ReturnType<typeof seal>[]) =>
      decisionCodec.encode({ proposal: rec.proposal, outcome: 'accepted', votes, decided_at_ms: net.now });
    expect(
      take('decision', seal(signerOf(nodes[2]!.key), decision([voterVote, rec.votes.get(nodes[0]!.id)!.signed]))),
    ).toBe('reject');
    expect(
      take('decision', seal(signerOf(nodes[0]!.key), decision([strangerVote, rec.votes.get(nodes[0]!.id)!.signed]))),
    ).toBe('reject');
    expect(take('decision', seal(signerOf(nodes[0]!.key), decision([rec.votes.get(nodes[0]!.id)!.signed])))).toBe(
      'reject',
    );
    expect(nodes[1]!.consensus.get(id).status).toBe('open');
    expect(take('vote', { ...voterVote, signature: Buffer.alloc(64, 1) })).toBe('reject');
    expect(cluster.nodes.get(nodes[1]!.id)!.consensus.get(id).tally.accept).toBe(1);
  });

  it('keeps proposals, votes, decisions and versions across a restart', async () => {
    const { nodes, net, propose, cluster } = await fleet(3);
    const id = propose(0, 'durable');
    await net.run(net.now + 50);
    nodes[1]!.consensus.vote(id, 'accept');
    await net.run(net.now + 100);
    cluster.crash(nodes[2]!.id);
    cluster.restart(nodes[2]!.id);
    const again = cluster.nodes.get(nodes[2]!.id)!.consensus;
    expect(again.get(id)).toMatchObject({ status: 'accepted', tally: { accept: 2 } });
    expect(again.artifacts()).toMatchObject([{ version: 1, content: 'durable' }]);
  });

  it('keeps a proposal naming a peer it has not met, and takes it once it has', async () => {
    const { nodes, net, propose } = await fleet(3);
    const membership = nodes[2]!.consensus.core.opts.membership as { isMember(p: string): boolean };
    const real = membership.isMember;
    let met = false;
    membership.isMember = (p) => (p === nodes[0]!.id ? met : real(p));
    const id = propose(0, 'from a stranger, so far');
    await net.run(net.now + 300);
    expect(nodes[2]!.consensus.list()).toEqual([]);
    expect(nodes[2]!.refused).toBe(0);
    met = true;
    await net.run(net.now + 300);
    expect(nodes[2]!.consensus.get(id).status).toBe('open');
  });
});
