// Mesh nodes in one process on loopback: the handshake admits only nodes with the key, a compatible protocol and
// (when set) a place on the allowlist; heartbeats keep the fleet's statuses.
import { afterEach, describe, expect, it } from 'vitest';
import { generateSwarmKey } from '../src/index.ts';
import { addressOf, listed, startNode, stopAll } from './helpers/nodes.ts';

afterEach(stopAll);

describe('mesh on loopback', () => {
  it('admits a bootstrapped peer on both sides and keeps it online with heartbeats', async () => {
    const a = await startNode('alpha');
    const b = await startNode('beta', { bootstrap: [addressOf(a)] });
    await expect.poll(() => [listed(a), listed(b)], { timeout: 5_000 }).toEqual([['beta'], ['alpha']]);
    const beta = a.fleet.get(b.peerId)!;
    expect(beta).toMatchObject({ twin_id: 'twin-beta', role: 'voter', version: '1.0.0', self: false });
    await expect.poll(() => a.fleet.get(b.peerId)?.health?.memory_count, { timeout: 3_000 }).toBe(7);
    await expect.poll(() => a.fleet.get(b.peerId)?.latency_ms ?? -1, { timeout: 3_000 }).toBeGreaterThanOrEqual(0);
    expect(a.fleet.list()[0]).toMatchObject({ peer_id: a.peerId, self: true, status: 'online' });
    expect(a.status().peers_connected).toBe(1);
  });

  it('never admits a node with another swarm key, an incompatible protocol or off the allowlist', async () => {
    const friend = await startNode('friend');
    const a = await startNode('alpha', { trustedPeers: [friend.peerId], bootstrap: [addressOf(friend)] });
    const intruders = await Promise.all([
      startNode('wrong-key', { swarmKey: generateSwarmKey(), bootstrap: [addressOf(a)] }),
      startNode('old-protocol', { bootstrap: [addressOf(a), addressOf(friend)], protocolVersions: ['0.9'] }),
      startNode('stranger', { bootstrap: [addressOf(a)] }),
    ]);
    await expect.poll(() => listed(a), { timeout: 5_000 }).toEqual(['friend']);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(listed(a)).toEqual(['friend']);
    // The allowlist is alpha's alone: friend, which has none, may well meet the stranger (it holds the key).
    expect(listed(friend)).toContain('alpha');
    const [wrongKey, oldProtocol] = intruders;
    for (const i of [wrongKey!, oldProtocol!]) expect(i.fleet.list().filter((n) => !n.self)).toEqual([]);
    for (const node of [a, friend]) {
      expect(node.fleet.list().map((n) => n.name)).not.toContain('old-protocol');
      expect(node.fleet.list().map((n) => n.name)).not.toContain('wrong-key');
    }
  });
});
