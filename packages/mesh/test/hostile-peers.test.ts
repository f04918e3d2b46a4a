// Peers that hold the swarm key but misbehave: garbage or oversized handshakes, forged and malformed heartbeats. The
// node refuses each, keeps serving the honest peers, and registers none of the liars.
import { generateKeyPair } from '@libp2p/crypto/keys';
import { lpStream } from '@libp2p/utils';
import { multiaddr } from '@multiformats/multiaddr';
import { afterEach, describe, expect, it } from 'vitest';
import { HEARTBEAT_TOPIC } from '../src/fleet/heartbeats.ts';
import { HANDSHAKE_PROTOCOL } from '../src/handshake/handshake.ts';
import { createNode, type MeshNode } from '../src/libp2p-node.ts';
import type { Mesh } from '../src/mesh.ts';
import { parseSwarmKey } from '../src/swarm-key.ts';
import { heartbeatCodec } from '../src/wire.ts';
import { addressOf, listed, SWARM_KEY, startNode, stopAll } from './helpers/nodes.ts';

const raw: MeshNode[] = [];
afterEach(async () => {
  await Promise.all(raw.splice(0).map((n) => n.stop()));
  await stopAll();
});

async function rawNode(): Promise<MeshNode> {
  const node = await createNode({
    privateKey: await generateKeyPair('Ed25519'),
    psk: parseSwarmKey(SWARM_KEY).psk,
    listen: ['/ip4/127.0.0.1/tcp/0'],
    bootstrap: [],
    mdns: false,
    topics: [HEARTBEAT_TOPIC],
    maxMessageBytes: 8192,
  });
  await node.start();
  raw.push(node);
  return node;
}

/** Sends `bytes` as a length-prefixed message on the handshake protocol and returns what comes back, if anything. */
async function sendHello(from: MeshNode, to: Mesh, bytes: Uint8Array): Promise<string> {
  const stream = await from.dialProtocol(multiaddr(addressOf(to)), HANDSHAKE_PROTOCOL, {
    signal: AbortSignal.timeout(3_000),
  });
  const lp = lpStream(stream, { maxDataLength: 1 << 20 });
  try {
    await lp.write(bytes, { signal: AbortSignal.timeout(3_000) });
    const reply = await lp.read({ signal: AbortSignal.timeout(3_000) });
    return `reply of ${reply.byteLength} bytes`;
  } catch (err) {
    return `closed: ${(err as Error).message}`;
  }
}

describe('hostile peers', () => {
  it('refuses garbage and oversized handshakes and keeps admitting honest peers', async () => {
    const a = await startNode('alpha');
    const liars: MeshNode[] = [];
    for (const bytes of [
      new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f]), // a field claiming more bytes than follow
      new Uint8Array(200_000).fill(0x41), // far over the size bound
      new TextEncoder().encode('not protobuf at all, just words'),
    ]) {
      const liar = await rawNode();
      liars.push(liar);
      // No hello comes back: the connection is refused and closed.
      expect(await sendHello(liar, a, bytes)).toMatch(/^closed: /);
    }
    const honest = await startNode('beta', { bootstrap: [addressOf(a)] });
    await expect.poll(() => listed(a), { timeout: 5_000 }).toEqual(['beta']);
    for (const liar of liars) expect(a.fleet.get(liar.peerId.toString())).toBeUndefined();
    expect(listed(honest)).toEqual(['alpha']);
  });

  it('drops forged, replayed and malformed heartbeats from a verified peer', async () => {
    const a = await startNode('alpha');
    const b = await startNode('beta', { bootstrap: [addressOf(a)] });
    const c = await startNode('gamma', { bootstrap: [addressOf(a)] });
    await expect.poll(() => listed(a), { timeout: 5_000 }).toEqual(['beta', 'gamma']);
    await c.stop();
    // beta speaks for the stopped gamma, replays its own old heartbeat, and sends junk.
    const pubsub = (b as unknown as { node: MeshNode }).node.services.pubsub;
    const now = Date.now();
    const forged = heartbeatCodec.encode({ peer_id: c.peerId, seq: 1e9, epoch_ms: now + 1, sent_at_ms: now });
    const stale = heartbeatCodec.encode({ peer_id: b.peerId, seq: 1, epoch_ms: 1, sent_at_ms: now });
    for (const data of [forged, stale, new Uint8Array([1, 2, 3, 4, 5])]) await pubsub.publish(HEARTBEAT_TOPIC, data);
    // gamma is not kept alive by beta's forgery: it goes suspect, then offline; beta stays online.
    await expect.poll(() => a.fleet.get(c.peerId)?.status, { timeout: 5_000 }).toBe('offline');
    expect(a.fleet.get(b.peerId)?.status).toBe('online');
  });

  it('marks a stopped peer suspect, then offline, and knows it again by its key after a restart', async () => {
    const a = await startNode('alpha');
    const dir = (await import('./helpers/nodes.ts')).tempDir();
    let b = await startNode('beta', { stateDir: dir, bootstrap: [addressOf(a)] });
    const id = b.peerId;
    await expect.poll(() => listed(a), { timeout: 5_000 }).toEqual(['beta']);
    const events: string[] = [];
    a.fleet.on('event', (e) => events.push(`${e.type}:${e.status}`));
    await b.stop();
    await expect.poll(() => a.fleet.get(id)?.status, { timeout: 3_000 }).toBe('suspect');
    await expect.poll(() => a.fleet.get(id)?.status, { timeout: 3_000 }).toBe('offline');
    b = await startNode('beta', { stateDir: dir, bootstrap: [addressOf(a)] });
    expect(b.peerId).toBe(id);
    await expect.poll(() => a.fleet.get(id)?.status, { timeout: 5_000 }).toBe('online');
    expect(events).toEqual(['status:suspect', 'left:offline', 'joined:online']);
  });
});
