import { CodedError, type ExchangeEvent, type MemoryHit } from '@pagi/contracts';
import type { Response } from '@pagi/contracts/gen/exchange/Response.ts';
import type { Share__Output } from '@pagi/contracts/gen/exchange/Share.ts';
import type { MemoryExchange, Mesh } from '@pagi/mesh';
import type { MemoryClient } from '@pagi/runtime';
import type { ExchangeStore } from './exchange-store.ts';

// The receiving side of the Memory Exchange: subscribing to a peer's topic, storing what arrives (re-embedded by this
// twin's memory service, in its own namespace, with where it came from, once per origin memory), deleting what the
// origin revokes, and the federated search that asks every online peer at once within a deadline.

/** The memory namespace shared memories are stored in. */
export const EXCHANGE_NAMESPACE = 'exchange';

export interface InboundDeps {
  store: ExchangeStore;
  memory: MemoryClient;
  exchange: MemoryExchange;
  fleet: Mesh['fleet'];
  emit(event: Omit<ExchangeEvent, 'at_ms'>): void;
}

export interface PeerAnswer {
  peer: string;
  name: string | null;
  status: 'ok' | 'refused' | 'timeout' | 'error';
  hits: number;
  ms: number;
}

export class Inbound {
  private readonly d: InboundDeps;

  constructor(deps: InboundDeps) {
    this.d = deps;
  }

  async subscribe(peer: string, topic: string): Promise<void> {
    const { store } = this.d;
    store.setSubscription(peer, topic, 'waiting', 'asked');
    try {
      const res = await this.d.exchange.request(peer, { subscribe: { topic } });
      const status = res.ok ? (res.status === 'shared' ? 'shared' : 'waiting') : 'refused';
      // A share under a grant may have arrived (and marked it shared) before this answer.
      if (
        !(
          status === 'shared' &&
          store.subscriptions().some((s) => s.peer === peer && s.topic === topic && s.status === 'shared')
        )
      )
        store.setSubscription(peer, topic, status, res.reason);
    } catch (err) {
      store.setSubscription(peer, topic, 'failed', (err as Error).message);
      throw new CodedError('dependency_failed', `the peer did not answer: ${(err as Error).message}`);
    } finally {
      this.d.emit({ type: 'subscription', peer, topic });
    }
  }

  async peerOffers(peer: string) {
    const res = await this.d.exchange.request(peer, { list_offers: {} });
    if (!res.ok) throw new CodedError('dependency_failed', `the peer refused: ${res.reason}`);
    return res.offers.map((o) => ({ topic: o.topic, domain: o.domain, description: o.description }));
  }

  /** Stores what a peer shares on a topic this twin subscribed to; a memory already held from that origin is skipped. */
  async onShare(peer: string, twin: string, share: Share__Output): Promise<Response> {
    const { store } = this.d;
    if (!store.subscribed(peer, share.topic)) return { ok: false, reason: `not subscribed to ${share.topic}` };
    const fresh = share.memories.filter((m) => !store.hasReceived(peer, m.origin_id));
    const unique = [...new Map(fresh.map((m) => [m.origin_id, m])).values()];
    const ids = unique.length
      ? await this.d.memory.commit(
          unique.map((m) => ({
            content: m.content,
            namespace: EXCHANGE_NAMESPACE,
            twin_id: '',
            domain: m.domain,
            memory_type: 'exchange',
            // One memory per origin memory: the id derives from (namespace, key).
            key: `${peer}/${m.origin_id}`,
            metadata: {
              origin_peer: peer,
              origin_twin: twin,
              origin_id: m.origin_id,
              topic: share.topic,
              redactions: m.redactions.map((r) => `${r.type}:${r.count}`).join(','),
            },
          })),
        )
      : [];
    for (const [i, m] of unique.entries())
      store.addReceived({
        origin_peer: peer,
        origin_id: m.origin_id,
        origin_twin: twin,
        memory_id: ids[i]!,
        topic: share.topic,
        content: m.content,
        redactions: m.redactions,
      });
    store.setSubscription(
      peer,
      share.topic,
      'shared',
      `${store.received().filter((r) => r.origin_peer === peer && r.topic === share.topic).length} memories held`,
    );
    this.d.emit({ type: 'received', peer, topic: share.topic });
    return { ok: true, stored: unique.length, duplicates: share.memories.length - unique.length };
  }

  /** Deletes what the origin revokes, and confirms how many went. */
  async onRevoke(peer: string, originIds: string[]): Promise<Response> {
    const held = this.d.store.receivedIds(peer, originIds);
    let deleted = 0;
    for (const h of held) deleted += await this.d.memory.deleteMemory(h.memory_id);
    this.d.store.forget(
      peer,
      held.map((h) => h.origin_id),
    );
    this.d.emit({ type: 'revoked', peer, topic: '' });
    return { ok: true, deleted };
  }

  /** Asks every online peer at once; answers that miss the deadline are left out, never waited for. */
  async searchFleet(q: { query: string; domains: string[]; top_k: number }, deadlineMs: number) {
    const peers = this.d.fleet.list().filter((n) => !n.self && n.status === 'online');
    const answers: PeerAnswer[] = [];
    const hits: (MemoryHit & { peer: string; peer_name: string | null })[] = [];
    await Promise.all(
      peers.map(async (node) => {
        const started = performance.now();
        const answer: PeerAnswer = { peer: node.peer_id, name: node.name, status: 'timeout', hits: 0, ms: 0 };
        answers.push(answer);
        try {
          const res = await this.d.exchange.request(node.peer_id, { search: q }, deadlineMs);
          answer.status = res.ok ? 'ok' : 'refused';
          for (const h of res.hits) {
            if (!h.memory) continue;
            hits.push({
              id: `${node.peer_id}/${h.memory.origin_id}`,
              content: h.memory.content,
              domain: h.memory.domain,
              score: h.score,
              metadata: { topic: h.topic },
              peer: node.peer_id,
              peer_name: node.name,
            });
          }
          answer.hits = res.hits.length;
        } catch (err) {
          answer.status =
            (err as Error).name === 'TimeoutError' || /abort|timeout/i.test((err as Error).message)
              ? 'timeout'
              : 'error';
        }
        answer.ms = Math.round(performance.now() - started);
      }),
    );
    return { hits, peers: answers };
  }
}
