// The Memory Exchange's wire between two mesh nodes on 127.0.0.1: a signed request reaches the peer's handler and its
// answer comes back; tampered, replayed, misaddressed, oversized and too frequent requests are refused with a reason
// before the handler sees them.
import type { PrivateKey } from '@libp2p/interface';
import { peerIdFromString } from '@libp2p/peer-id';
import { lpStream } from '@libp2p/utils';
import type { RequestBody__Output } from '@pagi/contracts/gen/exchange/RequestBody.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { requestBodyCodec, responseCodec, signedRequestCodec } from '../src/exchange/codec.ts';
import { EXCHANGE_PROTOCOL, type ExchangeSettings, type Mesh, seal, signerOf } from '../src/index.ts';
import type { MeshNode } from '../src/libp2p-node.ts';
import { addressOf, listed, startNode, stopAll } from './helpers/nodes.ts';

afterEach(stopAll);

const settings = (requests = 50): ExchangeSettings => ({
  limits: { requests, bytes: 4 * 1024 * 1024, windowMs: 10_000 },
  clockWindowMs: 60_000,
  timeoutMs: 3_000,
});

async function pair(requests?: number) {
  const a = await startNode('a', { exchange: settings(requests) });
  const b = await startNode('b', { exchange: settings(requests), bootstrap: [addressOf(a)] });
  await expect.poll(() => listed(a), { timeout: 10_000 }).toEqual(['b']);
  await expect.poll(() => listed(b), { timeout: 10_000 }).toEqual(['a']);
  const seen: RequestBody__Output[] = [];
  b.exchange!.setHandler({
    handle: async (from, req) => {
      seen.push(req);
      return { ok: true, stored: req.share?.memories.length ?? 0, reason: `hello ${from.twin}` };
    },
  });
  return { a, b, seen };
}

/** Sends raw bytes on the exchange protocol, as a misbehaving peer would. */
async function raw(from: Mesh, to: Mesh, bytes: Uint8Array) {
  const { node } = from as unknown as { node: MeshNode };
  const stream = await node.dialProtocol(peerIdFromString(to.peerId), EXCHANGE_PROTOCOL);
  const lp = lpStream(stream, { maxDataLength: 2 * 1024 * 1024 });
  await lp.write(bytes);
  return responseCodec.decode((await lp.read()).subarray());
}

/** A request body from `a` to `b`, signed with a's key (as the exchange signs it). */
function signed(a: Mesh, body: Parameters<typeof requestBodyCodec.encode>[0]) {
  const { key } = a as unknown as { key: PrivateKey };
  return signedRequestCodec.encode(seal(signerOf(key), requestBodyCodec.encode(body)));
}

const memory = (id: string, content = 'a shared note') => ({
  origin_id: id,
  content,
  domain: 'mind',
  memory_type: 'note',
  created_at_ms: Date.now(),
  redactions: [{ type: 'EMAIL', count: 1 }],
});

describe('Memory Exchange wire', () => {
  it('delivers a signed share to the peer’s handler and brings its answer back', async () => {
    const { a, b, seen } = await pair();
    const res = await a.exchange!.request(b.peerId, { share: { topic: 'mind', memories: [memory('m1')] } });
    expect(res).toMatchObject({ ok: true, stored: 1, reason: 'hello twin-a' });
    expect(seen[0]).toMatchObject({ from: a.peerId, to: b.peerId, share: { topic: 'mind' } });
    expect(seen[0]!.share!.memories[0]).toMatchObject({ origin_id: 'm1', redactions: [{ type: 'EMAIL', count: 1 }] });
  });

  it('refuses tampered, replayed, misaddressed and oversized requests', async () => {
    const { a, b, seen } = await pair();
    // A genuine request, captured: sent once it is taken, sent again it is a replay.
    const body = {
      from: a.peerId,
      from_twin: 'twin-a',
      to: b.peerId,
      sent_at_ms: Date.now(),
      nonce: 'ab'.repeat(16),
      search: { query: 'q', domains: [], top_k: 5 },
    };
    const captured = signed(a, body);
    expect(await raw(a, b, captured)).toMatchObject({ ok: true });
    expect(await raw(a, b, captured)).toMatchObject({ ok: false, reason: 'request replayed' });

    const tampered = signedRequestCodec.decode(captured);
    const altered = requestBodyCodec.encode({
      ...body,
      nonce: 'cd'.repeat(16),
      search: { query: 'other', domains: [], top_k: 5 },
    });
    expect(await raw(a, b, signedRequestCodec.encode({ body: altered, signature: tampered.signature }))).toMatchObject({
      ok: false,
      reason: 'bad signature',
    });
    const elsewhere = { ...body, nonce: 'ef'.repeat(16), to: a.peerId };
    expect(await raw(a, b, signed(a, elsewhere))).toMatchObject({
      ok: false,
      reason: 'request addressed to another node',
    });
    const stale = { ...body, nonce: '12'.repeat(16), sent_at_ms: Date.now() - 3_600_000 };
    expect(await raw(a, b, signed(a, stale))).toMatchObject({
      reason: 'request outside the clock window',
    });
    const huge = await raw(a, b, new Uint8Array(1024 * 1024 + 10));
    expect(huge.ok).toBe(false);
    expect(huge.reason).toMatch(/request not taken/);
    const many = await a.exchange!.request(b.peerId, {
      share: { topic: 'mind', memories: Array.from({ length: 201 }, (_, i) => memory(`m${i}`)) },
    });
    expect(many).toMatchObject({ ok: false, reason: 'more than 200 memories in one share' });
    expect(seen).toHaveLength(1);
  });

  it('limits how often one peer may ask', async () => {
    const { a, b } = await pair(3);
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await a.exchange!.request(b.peerId, { search: { query: 'q', domains: [], top_k: 5 } }));
    expect(answers.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(answers[4]!.reason).toMatch(/rate limited/);
  });
});
