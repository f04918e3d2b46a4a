import { EventEmitter } from 'node:events';
import type { ExchangeEvent, ExchangeOverview } from '@pagi/contracts';
import type { RequestBody__Output } from '@pagi/contracts/gen/exchange/RequestBody.ts';
import type { Response } from '@pagi/contracts/gen/exchange/Response.ts';
import type { Mesh } from '@pagi/mesh';
import type { MemoryClient } from '@pagi/runtime';
import type { Db } from '../state/db.ts';
import { ExchangeStore } from './exchange-store.ts';
import { Inbound } from './inbound.ts';
import { Outbound } from './outbound.ts';

/**
 * The Memory Exchange on this twin: topics it offers and those it follows, its owner's decisions, and the answers to
 * what peers ask over the mesh. Built when the mesh runs with the exchange on.
 */
export class MemorySharing extends EventEmitter<{ event: [ExchangeEvent] }> {
  readonly store: ExchangeStore;
  readonly outbound: Outbound;
  readonly inbound: Inbound;
  private readonly mesh: Mesh;

  constructor(deps: { db: Db; memory: MemoryClient; mesh: Mesh; namespace: string; minScore: number }) {
    super();
    const exchange = deps.mesh.exchange;
    if (!exchange) throw new Error('the mesh runs without the memory exchange');
    this.mesh = deps.mesh;
    this.store = new ExchangeStore(deps.db);
    const emit = (e: Omit<ExchangeEvent, 'at_ms'>) => this.emit('event', { ...e, at_ms: Date.now() });
    const common = { store: this.store, memory: deps.memory, exchange, emit };
    this.outbound = new Outbound({ ...common, namespace: deps.namespace, minScore: deps.minScore });
    this.inbound = new Inbound({ ...common, fleet: deps.mesh.fleet });
    exchange.setHandler({ handle: (from, req) => this.handle(from, req) });
  }

  /** A peer's request, checked by the wire already (signature, addressee, size, rate). */
  private handle(from: { peer: string; twin: string }, req: RequestBody__Output): Promise<Response> {
    if (req.share) return this.inbound.onShare(from.peer, from.twin, req.share);
    if (req.revoke) return this.inbound.onRevoke(from.peer, req.revoke.origin_ids);
    if (req.search) return this.outbound.answerSearch(from.peer, req.search);
    if (req.subscribe) return this.outbound.onSubscribe(from.peer, from.twin, req.subscribe.topic);
    const offers = this.store.offers().map((o) => ({ topic: o.topic, domain: o.domain, description: o.description }));
    return Promise.resolve({ ok: true, offers });
  }

  private nameOf(peer: string): string | null {
    return this.mesh.fleet.get(peer)?.name ?? null;
  }

  overview(): ExchangeOverview {
    const s = this.store;
    const named = <T extends { peer: string }>(rows: T[]) =>
      rows.map((r) => ({ ...r, peer_name: this.nameOf(r.peer) }));
    return {
      offers: s.offers(),
      subscriptions: named(s.subscriptions()),
      grants: named(s.grants()),
      requests: named(s.requests()),
      shared: named(s.shared()),
      received: s.received().map((r) => ({ ...r, origin_name: this.nameOf(r.origin_peer) })),
    };
  }
}
