import { setTimeout as sleep } from 'node:timers/promises';
import { SignalingServerFrame } from '@pagi/contracts';
import { FrameClient, ofType } from '@pagi/tests/helpers/ws-client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './helpers/servers.ts';

let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway({ SIGNALING_MAX_PEERS: '3', WS_MAX_FRAME_BYTES: '65536' });
});
afterAll(async () => gateway?.close());

const join = async (room: string) => {
  const c = await FrameClient.open(gateway.ws(`/ws/signaling/${room}`));
  const hello = await c.next<{ self: string; peers: string[] }>(ofType('peers'));
  return { c, id: hello.self, peers: hello.peers };
};

describe('WS /ws/signaling/:room_id', () => {
  it('lets two peers exchange offer, answer and ICE candidates, each stamped with its sender', async () => {
    const a = await join('room-1');
    const b = await join('room-1');
    expect(a.peers).toEqual([]);
    expect(b.peers).toEqual([a.id]);
    expect(await a.c.next(ofType('peer_joined'))).toEqual({ type: 'peer_joined', peer: b.id });

    const sdpOffer = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
    a.c.send({ type: 'offer', sdp: sdpOffer });
    expect(await b.c.next(ofType('offer'))).toEqual({ type: 'offer', sdp: sdpOffer, from: a.id });
    b.c.send({ type: 'answer', sdp: 'v=0 answer', to: a.id });
    expect(await a.c.next(ofType('answer'))).toEqual({ type: 'answer', sdp: 'v=0 answer', to: a.id, from: b.id });
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 10.0.0.2 54400 typ host', sdpMid: '0' };
    a.c.send({ type: 'ice', candidate });
    b.c.send({ type: 'ice', candidate: { ...candidate, sdpMid: '1' } });
    expect(await b.c.next(ofType('ice'))).toEqual({ type: 'ice', candidate, from: a.id });
    expect((await a.c.next<{ candidate: { sdpMid: string } }>(ofType('ice'))).candidate.sdpMid).toBe('1');
    // A peer never receives its own frames.
    expect(a.c.frames.some((f) => f.type === 'offer')).toBe(false);
    for (const f of [...a.c.frames, ...b.c.frames]) expect(SignalingServerFrame.safeParse(f).success).toBe(true);
    await Promise.all([a.c.close(), b.c.close()]);
  });

  it('keeps rooms apart and sends `to` frames only to the named peer', async () => {
    const a = await join('room-2');
    const b = await join('room-2');
    const c = await join('room-2');
    const elsewhere = await join('room-3');
    a.c.send({ type: 'offer', sdp: 'for b only', to: b.id });
    await b.c.next(ofType('offer'));
    a.c.send({ type: 'offer', sdp: 'to a stranger', to: elsewhere.id });
    expect(await a.c.next(ofType('error'))).toMatchObject({ code: 'unknown_peer' });
    await sleep(100);
    expect(c.c.frames.some((f) => f.type === 'offer')).toBe(false);
    expect(elsewhere.c.frames.some((f) => f.type === 'offer')).toBe(false);
    await Promise.all([a.c.close(), b.c.close(), c.c.close(), elsewhere.c.close()]);
  });

  it('refuses a peer beyond the room limit, and admits one again after a peer leaves', async () => {
    const peers = [await join('room-full'), await join('room-full'), await join('room-full')];
    const extra = new FrameClient(gateway.ws('/ws/signaling/room-full'));
    expect((await extra.waitClosed()).code).toBe(1008);
    expect(extra.frames[0]).toMatchObject({ type: 'error', code: 'room_full' });

    await peers[0]!.c.close();
    for (const p of peers.slice(1)) {
      expect(await p.c.next(ofType('peer_left'))).toEqual({ type: 'peer_left', peer: peers[0]!.id });
    }
    const late = await join('room-full');
    expect(late.peers.sort()).toEqual([peers[1]!.id, peers[2]!.id].sort());
    await Promise.all([late.c.close(), peers[1]!.c.close(), peers[2]!.c.close()]);
  });

  it('validates frames and caps their size', async () => {
    const a = await join('room-4');
    a.c.send('nonsense');
    a.c.send({ type: 'offer' });
    a.c.send({ type: 'bye' });
    a.c.send({ type: 'offer', sdp: 'x'.repeat(40_000) });
    await a.c.next((f) => f.type === 'error' && String(f.message).includes('sdp'));
    expect(a.c.frames.filter((f) => f.type === 'error').map((f) => f.code)).toEqual([
      'bad_json',
      'invalid_frame',
      'unknown_frame',
      'invalid_frame',
    ]);
    a.c.send({ type: 'ice', candidate: 'z'.repeat(70_000) });
    expect((await a.c.waitClosed()).code).toBe(1009);
  });

  it('refuses an invalid room id', async () => {
    const c = new FrameClient(gateway.ws('/ws/signaling/%20bad%20room'));
    expect((await c.waitClosed()).code).toBe(1008);
  });
});
