// Consensus Sync between mesh nodes in this process, over real libp2p on 127.0.0.1: a proposal travels by gossip,
// votes come back, the proposer's decision is applied everywhere, and a node that joins late catches up.
import { afterEach, describe, expect, it } from 'vitest';
import type { Mesh } from '../src/index.ts';
import { fastConsensus } from './helpers/consensus.ts';
import { addressOf, listed, startNode, stopAll, tempDir } from './helpers/nodes.ts';

afterEach(stopAll);

const dirs = () => [tempDir(), tempDir(), tempDir()];

async function trio(d = dirs()): Promise<Mesh[]> {
  const a = await startNode('a', { stateDir: d[0], consensus: fastConsensus(d[0]!) });
  const b = await startNode('b', { stateDir: d[1], consensus: fastConsensus(d[1]!), bootstrap: [addressOf(a)] });
  const c = await startNode('c', { stateDir: d[2], consensus: fastConsensus(d[2]!), bootstrap: [addressOf(a)] });
  for (const n of [a, b, c]) await expect.poll(() => listed(n).length, { timeout: 10_000 }).toBe(2);
  return [a, b, c];
}

const prompt = (m: Mesh) => Buffer.from(m.consensus!.core.current('system_prompt', 'default').content).toString();

describe('Consensus Sync over libp2p', () => {
  it('applies a change accepted by 2 of 3 on all three', async () => {
    const [a, b, c] = await trio();
    const id = a!.consensus!.propose({
      kind: 'system_prompt',
      target: 'default',
      payload: Buffer.from('be brief'),
      reason: 'shorter answers',
      deadlineMs: 30_000,
    });
    await expect.poll(() => b!.consensus!.list().length, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => c!.consensus!.list().length, { timeout: 5_000 }).toBe(1);
    c!.consensus!.vote(id, 'reject', 'I like it long');
    b!.consensus!.vote(id, 'accept');
    for (const n of [a, b, c]) await expect.poll(() => prompt(n!), { timeout: 5_000 }).toBe('be brief');
    await expect.poll(() => Object.keys(a!.consensus!.get(id).applied).length, { timeout: 5_000 }).toBe(3);
    const detail = c!.consensus!.get(id);
    expect(detail.status).toBe('accepted');
    expect(detail.tally).toMatchObject({ accept: 2, reject: 1, needed: 2 });
  });

  it('brings a node that was away up to date when it comes back', async () => {
    const d = dirs();
    const [a, b, c] = await trio(d);
    const settings = c!.consensus!.core.opts;
    await c!.stop();
    await expect.poll(() => listed(a!, 'offline'), { timeout: 10_000 }).toEqual(['c']);
    // Two voters online of the three known: both must accept.
    const id = a!.consensus!.propose({
      kind: 'system_prompt',
      target: 'default',
      payload: Buffer.from('while you were out'),
      reason: 'catch-up',
      deadlineMs: 30_000,
    });
    await expect.poll(() => b!.consensus!.list().length, { timeout: 5_000 }).toBe(1);
    expect(b!.consensus!.get(id)).toMatchObject({ tally: { needed: 2, voters: 2 } });
    b!.consensus!.vote(id, 'accept');
    await expect.poll(() => prompt(b!), { timeout: 5_000 }).toBe('while you were out');

    const back = await startNode('c', {
      stateDir: d[2],
      bootstrap: [addressOf(a!)],
      consensus: fastConsensus(d[2]!, { appliers: settings.appliers }),
    });
    await expect.poll(() => prompt(back), { timeout: 10_000 }).toBe('while you were out');
    expect(back.consensus!.get(id)).toMatchObject({ status: 'accepted', my_vote: null });
    await expect
      .poll(() => a!.consensus!.get(id).applied, { timeout: 5_000 })
      .toEqual({
        [a!.peerId]: true,
        [b!.peerId]: true,
        [back.peerId]: true,
      });
  });
});
