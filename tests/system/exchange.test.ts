// Memory Exchange with real processes: three twins (an orchestrator with the mesh on and a memory service each, each
// its own data folder) and one mesh node in the test's process, all on 127.0.0.1. Through the twins' HTTP faces and
// memory services: an approved share arrives redacted with its provenance and no secret reaches the receiver, a denied
// one sends nothing, a standing grant shares without asking until it ends, a revocation deletes on the receiver, the
// same memory shared twice is stored once, a federated search merges two peers' answers within its deadline while a
// third never answers, and tampered or oversized shares are refused with nothing stored.
import type { ExchangeOverview } from '@pagi/contracts';
import { generateSwarmKey, type Mesh, type Signer } from '@pagi/mesh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  call,
  closeExchangeTwins,
  dataContains,
  EXCHANGE_MESH,
  type ExchangeTwin,
  fleetQuery,
  held,
  overview,
  remember,
  SLOW,
  seesOnline,
  startExchangeTwin,
  waitFor,
} from '../helpers/exchange-twins.ts';
import { startMeshNode } from '../helpers/mesh-node.ts';

const KEY = generateSwarmKey();
const EMAIL = 'oncall.billing@example.org';
const API_KEY = `ghp_${'Zq7Rt2'.repeat(6)}`;
const SECRET_NOTE = `Billing release checklist: page ${EMAIL} before the rollout and deploy with ${API_KEY} only.`;
const LATER_NOTE = 'Billing retrospective: the migration slipped a week because the schema review came late.';

let a: ExchangeTwin;
let b: ExchangeTwin;
let c: ExchangeTwin;
/** A peer whose exchange the test drives: it answers subscriptions and never answers a search. */
let odd: Mesh;
const ids: Record<string, string> = {};

beforeAll(async () => {
  a = await startExchangeTwin('a', KEY);
  const [tb, tc] = await Promise.all(['b', 'c'].map((n) => startExchangeTwin(n, KEY, { bootstrap: a.address })));
  [b, c] = [tb!, tc!];
  odd = await startMeshNode('odd', {
    swarmKey: KEY,
    bootstrap: [a.address],
    ...EXCHANGE_MESH,
    exchange: {
      limits: { requests: 100, bytes: 16e6, windowMs: 60_000 },
      clockWindowMs: 60_000,
      timeoutMs: 5_000,
    },
  });
  odd.exchange!.setHandler({
    handle: (_from, req) =>
      req.subscribe ? Promise.resolve({ ok: true, status: 'waiting', reason: 'later' }) : new Promise(() => {}),
  });
  ids.secret = (await remember(a, 'mind', [SECRET_NOTE], 'work'))[0]!;
  ids.health = (await remember(a, 'body', ['Knee physiotherapy: stretches twice a day for six weeks.'], 'health'))[0]!;
  ids.hobby = (await remember(a, 'heart', ['Sunday choir rehearsal moved to the east hall.'], 'hobby'))[0]!;
  await remember(a, 'soul', ['Lighthouse journaling: write to keeper.notes@example.net every evening.'], 'idea');
  await remember(c, 'soul', ['A lighthouse keeper logbook is a good model for daily reflections.'], 'musing');
  const offers: Array<[ExchangeTwin, string, string]> = [
    [a, 'work', 'mind'],
    [a, 'health', 'body'],
    [a, 'hobbies', 'heart'],
    [a, 'ideas', 'soul'],
    [c, 'musings', 'soul'],
  ];
  for (const [t, topic, domain] of offers) await call(t, 'POST', '/api/phoenix/exchange/offers', { topic, domain });
  await seesOnline(b, ['a', 'c', 'odd']);
  await Promise.all([seesOnline(a, ['b']), seesOnline(c, ['b'])]);
  await waitFor(() => odd.fleet.list().some((n) => n.name === 'b' && n.status === 'online'), 'odd to list b online');
}, 180_000);

afterAll(async () => {
  await odd?.stop();
  await closeExchangeTwins([a, b, c].filter(Boolean));
});

const subscribe = (t: ExchangeTwin, peer: ExchangeTwin | Mesh, topic: string) =>
  call<{ status: string }>(t, 'POST', '/api/phoenix/exchange/subscriptions', { peer: peer.peerId, topic });
const requestsOn = async (t: ExchangeTwin, topic: string, status?: string) =>
  (await overview(t)).requests.filter((r) => r.topic === topic && (!status || r.status === status));
/** The card `t` shows for a topic once it arrives. */
async function pendingCard(t: ExchangeTwin, topic: string): Promise<ExchangeOverview['requests'][number]> {
  await expect.poll(async () => (await requestsOn(t, topic, 'pending')).length, SLOW).toBe(1);
  return (await requestsOn(t, topic, 'pending'))[0]!;
}
const receivedOn = async (t: ExchangeTwin, topic: string) =>
  (await overview(t)).received.filter((r) => r.topic === topic);
const exchangeHeld = async (t: ExchangeTwin, topic: string) =>
  (await held(t, 'exchange')).filter((m) => m.metadata.topic === topic);

describe('Memory Exchange between twin processes', () => {
  it('delivers an approved share redacted, with its provenance, and no secret reaches the receiver', async () => {
    expect((await subscribe(b, a, 'work')).status).toBe('waiting');
    const card = await pendingCard(a, 'work');
    expect(card).toMatchObject({ peer: b.peerId, peer_name: 'b', peer_twin: 'twin-b' });
    const listed = card.memories.find((m) => m.origin_id === ids.secret)!;
    expect(listed.content).toContain('[EMAIL]');
    expect(listed.content).toContain('[API_KEY]');
    expect(JSON.stringify(card)).not.toMatch(new RegExp(`${EMAIL}|${API_KEY}`));
    expect(listed.redactions).toEqual(
      expect.arrayContaining([
        { type: 'EMAIL', count: 1 },
        { type: 'API_KEY', count: 1 },
      ]),
    );

    const approved = await call<{ status: string }>(a, 'POST', `/api/phoenix/exchange/requests/${card.id}/approve`, {});
    expect(approved.status).toBe('sent');
    await expect.poll(async () => (await receivedOn(b, 'work')).length, SLOW).toBe(card.memories.length);
    const got = (await receivedOn(b, 'work')).find((r) => r.origin_id === ids.secret)!;
    expect(got).toMatchObject({
      origin_peer: a.peerId,
      origin_name: 'a',
      origin_twin: 'twin-a',
      content: listed.content,
    });
    expect(got.redactions).toEqual(expect.arrayContaining(listed.redactions));
    expect((await overview(b)).subscriptions.find((s) => s.topic === 'work')?.status).toBe('shared');

    // In B's memory service, in the exchange namespace, found by B's own search.
    const found = await b.memory.query({
      query: 'billing release checklist',
      namespace: 'exchange',
      top_k: 5,
      domains: [],
    });
    const hit = found.results.find((r) => r.id === got.memory_id)!;
    expect(hit.content).toBe(listed.content);
    expect(hit.metadata).toMatchObject({ origin_peer: a.peerId, origin_twin: 'twin-a', origin_id: ids.secret });
    expect(hit.metadata.topic).toBe('work');
    expect(hit.metadata.redactions).toMatch(/EMAIL:1/);
    expect(hit.metadata.redactions).toMatch(/API_KEY:1/);
    for (const secret of [EMAIL, API_KEY]) {
      expect(dataContains(a, secret)).not.toBeNull(); // the scan finds it where it is
      expect(dataContains(b, secret)).toBeNull();
      expect(b.stack.logs('orchestrator') + b.stack.logs('memory')).not.toContain(secret);
      expect(JSON.stringify(await overview(b))).not.toContain(secret);
    }
  }, 120_000);

  it('stores a memory shared twice once, and takes what is new', async () => {
    const before = await exchangeHeld(b, 'work');
    expect(before.map((m) => m.metadata.origin_id)).toEqual([ids.secret]);
    ids.later = (await remember(a, 'mind', [LATER_NOTE], 'work-later'))[0]!;
    await subscribe(b, a, 'work');
    const card = await pendingCard(a, 'work');
    expect(card.memories.map((m) => m.origin_id).sort()).toEqual([ids.secret, ids.later].sort());
    await call(a, 'POST', `/api/phoenix/exchange/requests/${card.id}/approve`, {});
    await expect.poll(async () => (await exchangeHeld(b, 'work')).length, SLOW).toBe(2);
    const after = await exchangeHeld(b, 'work');
    expect(after.map((m) => m.metadata.origin_id).sort()).toEqual([ids.secret, ids.later].sort());
    // The copy held before is the same memory, not a second one.
    expect(after.map((m) => m.id)).toContain(before[0]!.id);
    expect(await receivedOn(b, 'work')).toHaveLength(2);
  }, 120_000);

  it('deletes on the receiver what the origin revokes', async () => {
    const res = await call<{ deleted: number }>(a, 'POST', '/api/phoenix/exchange/revoke', {
      peer: b.peerId,
      topic: 'work',
    });
    expect(res.deleted).toBe(2);
    expect(await exchangeHeld(b, 'work')).toEqual([]);
    expect(await receivedOn(b, 'work')).toEqual([]);
    const found = await b.memory.query({ query: 'billing checklist', namespace: 'exchange', top_k: 5, domains: [] });
    expect(found.results.filter((r) => r.metadata.topic === 'work')).toEqual([]);
    const shared = (await overview(a)).shared.filter((s) => s.peer === b.peerId && s.topic === 'work');
    expect(shared.every((s) => s.revoked_at_ms !== null)).toBe(true);
  }, 120_000);

  it('sends nothing when the owner denies', async () => {
    await subscribe(b, a, 'health');
    const card = await pendingCard(a, 'health');
    expect(card.memories.map((m) => m.origin_id)).toEqual([ids.health]);
    const denied = await call<{ status: string }>(a, 'POST', `/api/phoenix/exchange/requests/${card.id}/deny`);
    expect(denied.status).toBe('denied');
    expect((await api(a, 'POST', `/api/phoenix/exchange/requests/${card.id}/approve`, {})).status).toBe(409);
    expect((await overview(a)).shared.filter((s) => s.topic === 'health')).toEqual([]);
    expect(await receivedOn(b, 'health')).toEqual([]);
    expect(await exchangeHeld(b, 'health')).toEqual([]);
    expect((await overview(b)).subscriptions.find((s) => s.topic === 'health')?.status).toBe('waiting');
  }, 120_000);

  it('shares a granted topic without a card, and asks again once the grant ends', async () => {
    await call(a, 'POST', '/api/phoenix/exchange/grants', { peer: b.peerId, topic: 'hobbies' });
    expect((await subscribe(b, a, 'hobbies')).status).toBe('shared');
    await expect.poll(async () => (await receivedOn(b, 'hobbies')).map((r) => r.origin_id), SLOW).toEqual([ids.hobby]);
    expect(await requestsOn(a, 'hobbies')).toEqual([]);

    const ended = await call(a, 'DELETE', `/api/phoenix/exchange/grants/${b.peerId}/hobbies`);
    expect(ended).toEqual({ revoked: true, deleted: 0 });
    expect((await subscribe(b, a, 'hobbies')).status).toBe('waiting');
    const card = await pendingCard(a, 'hobbies');
    // Approved with a standing grant, then the grant ends with its memories: the receiver deletes them.
    await call(a, 'POST', `/api/phoenix/exchange/requests/${card.id}/approve`, { grant: true });
    const taken = await call(a, 'DELETE', `/api/phoenix/exchange/grants/${b.peerId}/hobbies?memories=true`);
    expect(taken).toEqual({ revoked: true, deleted: 1 });
    expect(await receivedOn(b, 'hobbies')).toEqual([]);
    expect(await exchangeHeld(b, 'hobbies')).toEqual([]);
  }, 120_000);

  it('merges two peers’ answers to a fleet search within its deadline while a third never answers', async () => {
    await call(a, 'POST', '/api/phoenix/exchange/grants', { peer: b.peerId, topic: 'ideas' });
    await call(c, 'POST', '/api/phoenix/exchange/grants', { peer: b.peerId, topic: 'musings' });
    const deadline = 1_500;
    const ask = async (query: string) => {
      const t0 = performance.now();
      const res = await fleetQuery(b, { query, deadline_ms: deadline, top_k: 10 });
      return { res, ms: performance.now() - t0 };
    };
    await ask('lighthouse'); // first streams to each peer opened
    const { res, ms } = await ask('lighthouse keeper');
    expect(ms).toBeLessThan(deadline + 1_000);
    const status = Object.fromEntries((res.peers ?? []).map((p) => [p.name, p.status]));
    expect(status).toEqual({ a: 'ok', c: 'ok', odd: 'timeout' });
    expect(res.peers!.find((p) => p.name === 'odd')!.ms).toBeGreaterThanOrEqual(deadline - 50);
    const byPeer = (name: string) => res.results.filter((h) => h.peer_name === name);
    expect(byPeer('a')).toHaveLength(1);
    expect(byPeer('a')[0]).toMatchObject({ peer: a.peerId, metadata: { topic: 'ideas' } });
    expect(byPeer('a')[0]!.content).toBe('Lighthouse journaling: write to [EMAIL] every evening.');
    expect(byPeer('c')[0]).toMatchObject({ peer: c.peerId, metadata: { topic: 'musings' } });
    expect(res.results.every((h) => h.peer_name === 'a' || h.peer_name === 'c')).toBe(true);

    // Asked again and again, the silent peer stays a timeout: an unanswered stream is reset, never left holding one
    // of the peer's few inbound slots (past those it would be refused outright, an error).
    for (let i = 0; i < 10; i++) {
      const again = await fleetQuery(b, { query: 'lighthouse', deadline_ms: 200, top_k: 3 });
      expect(again.peers!.find((p) => p.name === 'odd')!.status).toBe('timeout');
    }

    // Only granted topics answer: A's billing notes (mind, never granted) stay home.
    const other = await ask('billing retrospective migration');
    expect(other.res.results.filter((h) => h.peer)).toEqual([]);
    expect(other.res.peers!.find((p) => p.name === 'a')).toMatchObject({ status: 'ok', hits: 0 });
  }, 120_000);

  it('refuses a tampered or oversized share from a peer and stores nothing of it', async () => {
    expect((await subscribe(b, odd, 'leaks')).status).toBe('waiting');
    const note = (id: string, content = 'a note from odd') => ({
      origin_id: id,
      content,
      domain: 'mind',
      memory_type: 'note',
      created_at_ms: Date.now(),
      redactions: [],
    });
    const share = (memories: ReturnType<typeof note>[]) =>
      odd.exchange!.request(b.peerId, { share: { topic: 'leaks', memories } });
    // Signed over other bytes than the body it travels with.
    const wire = odd.exchange as unknown as { signer: Signer };
    const honest = wire.signer;
    wire.signer = { peerId: honest.peerId, sign: (body) => honest.sign(Buffer.concat([body, Buffer.from([0])])) };
    const tampered = await share([note('t1')]).finally(() => {
      wire.signer = honest;
    });
    expect(tampered).toMatchObject({ ok: false, reason: 'bad signature' });
    const big = 'x'.repeat(15_000);
    const frame = await share(Array.from({ length: 80 }, (_, i) => note(`big${i}`, big)));
    expect(frame.ok).toBe(false);
    expect(frame.reason).toMatch(/request not taken.*too long/i);
    expect(await share([note('long', 'y'.repeat(17_000))])).toMatchObject({
      ok: false,
      reason: 'a shared memory is too long or has no origin id',
    });
    expect(await share(Array.from({ length: 201 }, (_, i) => note(`n${i}`)))).toMatchObject({
      ok: false,
      reason: 'more than 200 memories in one share',
    });
    const fromOdd = async () => (await overview(b)).received.filter((r) => r.origin_peer === odd.peerId);
    expect(await fromOdd()).toEqual([]);
    expect(await exchangeHeld(b, 'leaks')).toEqual([]);
    expect(b.stack.logs('orchestrator')).toContain('bad signature');

    // The same peer's well-formed share on that subscription is taken: the refusals were the checks'.
    expect(await share([note('fine')])).toMatchObject({ ok: true, stored: 1 });
    expect((await fromOdd()).map((r) => r.origin_id)).toEqual(['fine']);
  }, 120_000);
});
