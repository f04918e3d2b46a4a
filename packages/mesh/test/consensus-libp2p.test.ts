// Consensus Sync between mesh nodes in this process, over real libp2p on 127.0.0.1: a proposal travels by gossip,
// votes come back, the proposer's decision is applied everywhere, and a node that joins late catches up.
import { afterEach, describe, expect, it } from 'vitest';
import type { Mesh } from '../src/index.ts';
import { fastConsensus } from './helpers/consensus.ts';
import { addressOf, listed, startNode, stopAll, tempDir } from './helpers/nodes.ts';

afterEach(stopAll);

async function trio(): Promise<Mesh[]> {
  const dirs = [tempDir(), tempDir(), tempDir()];
  const a = await startNode('a', { stateDir: dirs[0], consensus: fastConsensus(dirs[0]!) });
  const b = await startNode('b', { stateDir: dirs[1], consensus: fastConsensus(dirs[1]!), bootstrap: [addressOf(a)] });
  const c = await startNode('c', { stateDir: dirs[2], consensus: fastConsensus(dirs[2]!), bootstrap: [addressOf(a)] });
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
});
