import { randomUUID } from 'node:crypto';
import { CodedError, type ExchangeEvent, type Offer, type OutboundMemory } from '@pagi/contracts';
import type { Response } from '@pagi/contracts/gen/exchange/Response.ts';
import type { Search__Output } from '@pagi/contracts/gen/exchange/Search.ts';
import type { MemoryExchange } from '@pagi/mesh';
import { redact } from '@pagi/redaction';
import type { MemoryClient } from '@pagi/runtime';
import type { ExchangeStore } from './exchange-store.ts';

// The offering side of the Memory Exchange: which memories a topic holds (redacted before anything else sees them),
// the share requests the owner approves or denies, standing grants, revocation, and answering a peer's federated
// search from what its grants allow. Nothing leaves without a decision of the owner: a card, or a grant.

/** A topic shares at most this many memories at once (the wire's bound). */
const MAX_TOPIC_MEMORIES = 200;

export interface OutboundDeps {
  store: ExchangeStore;
  memory: MemoryClient;
  exchange: MemoryExchange;
  /** Where the twin's own knowledge lives (what topics are cut from). */
  namespace: string;
  minScore: number;
  emit(event: Omit<ExchangeEvent, 'at_ms'>): void;
}

export class Outbound {
  private readonly d: OutboundDeps;

  constructor(deps: OutboundDeps) {
    this.d = deps;
  }

  /** The memories a topic holds now, as they would leave: redacted. */
  async memoriesOf(offer: Offer): Promise<OutboundMemory[]> {
    const { memory, namespace } = this.d;
    const found = offer.query
      ? (await memory.query({ query: offer.query, namespace, top_k: 50, domains: [offer.domain] })).results.filter(
          (r) => r.score >= this.d.minScore,
        )
      : (await memory.listPage(namespace, { vectors: false, domains: [offer.domain] })).memories;
    return found.slice(0, MAX_TOPIC_MEMORIES).map((m) => {
      const r = redact(m.content);
      return { origin_id: m.id, content: r.text, domain: m.domain, redactions: r.redactions };
    });
  }

  /** A peer asks for a topic: shared at once under a grant, else a card for the owner. */
  async onSubscribe(peer: string, twin: string, topic: string): Promise<Response> {
    const offer = this.d.store.offer(topic);
    if (!offer) return { ok: false, status: 'refused', reason: `this twin offers no topic ${topic}` };
    const memories = await this.memoriesOf(offer);
    const id = randomUUID();
    if (this.d.store.grantedTopics(peer).includes(topic)) {
      // Answered first; the memories follow on their own request. One that fails becomes a card the owner can retry.
      setImmediate(() =>
        this.send(peer, topic, memories).catch((err: Error) => {
          this.d.store.addRequest({ id, peer, peer_twin: twin, topic, memories });
          this.d.store.decide(id, 'failed', err.message);
          this.d.emit({ type: 'request', peer, topic });
        }),
      );
      return { ok: true, status: 'shared', reason: `${memories.length} memories on their way` };
    }
    this.d.store.addRequest({ id, peer, peer_twin: twin, topic, memories });
    this.d.emit({ type: 'request', peer, topic });
    return { ok: true, status: 'waiting', reason: 'the owner of this twin decides' };
  }

  /** Sends what a pending card lists (exactly that), and with `grant` shares the topic without asking from now on. */
  async approve(id: string, grant: boolean): Promise<void> {
    const req = this.d.store.request(id);
    if (!req) throw new CodedError('not_found', `no share request ${id}`);
    if (req.status !== 'pending' && req.status !== 'failed')
      throw new CodedError('already_decided', `the share request was ${req.status} already`);
    if (grant) this.d.store.grant(req.peer, req.topic);
    try {
      await this.send(req.peer, req.topic, req.memories);
      this.d.store.decide(id, 'sent');
    } catch (err) {
      this.d.store.decide(id, 'failed', (err as Error).message);
      throw err;
    }
  }

  deny(id: string): void {
    if (!this.d.store.decide(id, 'denied'))
      throw new CodedError('already_decided', 'the share request was decided already');
    const req = this.d.store.request(id)!;
    this.d.emit({ type: 'decided', peer: req.peer, topic: req.topic });
  }

  /** Shares a topic with a peer now: what a grant does on each subscription. */
  async send(peer: string, topic: string, memories: OutboundMemory[]): Promise<number> {
    const res = await this.d.exchange.request(peer, {
      share: {
        topic,
        memories: memories.map((m) => ({ ...m, memory_type: 'exchange', created_at_ms: Date.now() })),
      },
    });
    if (!res.ok) throw new CodedError('dependency_failed', `the peer refused the share: ${res.reason}`);
    this.d.store.recordShared(
      peer,
      topic,
      memories.map((m) => m.origin_id),
    );
    this.d.emit({ type: 'shared', peer, topic });
    return res.stored;
  }

  /** Takes back what was shared with a peer (on a topic, or these ids); the peer deletes it. Returns how many went. */
  async revoke(peer: string, which: { topic?: string; origin_ids?: string[] }): Promise<number> {
    const ids = which.origin_ids ?? this.d.store.sharedIds(peer, which.topic);
    if (ids.length === 0) return 0;
    const res = await this.d.exchange.request(peer, { revoke: { origin_ids: ids } });
    if (!res.ok) throw new CodedError('dependency_failed', `the peer did not confirm: ${res.reason}`);
    this.d.store.markRevoked(peer, ids);
    this.d.emit({ type: 'revoked', peer, topic: which.topic ?? '' });
    return res.deleted;
  }

  /** Answers a peer's federated search from the topics it holds grants for, redacted. */
  async answerSearch(peer: string, search: Search__Output): Promise<Response> {
    const offers = this.d.store.grantedTopics(peer).flatMap((t) => this.d.store.offer(t) ?? []);
    const wanted = search.domains.length ? offers.filter((o) => search.domains.includes(o.domain)) : offers;
    const topK = Math.max(1, Math.min(search.top_k || 5, 50));
    const hits = new Map<string, NonNullable<Response['hits']>[number] & { score: number }>();
    for (const offer of wanted) {
      const allowed = offer.query ? new Set((await this.memoriesOf(offer)).map((m) => m.origin_id)) : null;
      const res = await this.d.memory.query({
        query: search.query,
        namespace: this.d.namespace,
        top_k: topK,
        domains: [offer.domain],
      });
      for (const r of res.results) {
        if (r.score < this.d.minScore || (allowed && !allowed.has(r.id)) || hits.has(r.id)) continue;
        const red = redact(r.content);
        const memory = {
          origin_id: r.id,
          content: red.text,
          domain: r.domain,
          memory_type: 'exchange',
          redactions: red.redactions,
        };
        hits.set(r.id, { memory, score: r.score, topic: offer.topic });
      }
    }
    const best = [...hits.values()].sort((a, b) => b.score - a.score).slice(0, topK);
    return { ok: true, hits: best };
  }
}
