import {
  ApproveShare,
  CodedError,
  GrantInput,
  OfferInput,
  PeerId,
  parseWith,
  RevokeInput,
  SubscriptionInput,
  Topic,
} from '@pagi/contracts';
import { openSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MESH_OFF_HINT } from '../mesh/fleet-routes.ts';
import type { MemorySharing } from './memory-sharing.ts';

const PeerTopic = z.object({ peer: PeerId, topic: Topic });
const Id = z.object({ id: z.string().uuid('not a share request id') });

/** The Memory Exchange over HTTP: offers, subscriptions, grants, share requests, revocation, and a live feed. */
export function registerSharingRoutes(app: FastifyInstance, sharing: MemorySharing | null): void {
  const on = (): MemorySharing => {
    if (!sharing) throw new CodedError('failed_precondition', MESH_OFF_HINT);
    return sharing;
  };

  app.get('/api/phoenix/exchange', async () => on().overview());

  app.get('/api/phoenix/exchange/events', async (_req, reply) => {
    const s = on();
    const sse = openSse(reply, { subscription: true });
    const send = (event: unknown) => sse.send(event);
    s.on('event', send);
    reply.raw.on('close', () => s.off('event', send));
  });

  app.post('/api/phoenix/exchange/offers', async (req, reply) => {
    const offer = parseWith(OfferInput, req.body);
    on().store.putOffer(offer);
    return reply.code(201).send(on().store.offer(offer.topic));
  });

  app.delete('/api/phoenix/exchange/offers/:topic', async (req, reply) => {
    const { topic } = parseWith(z.object({ topic: Topic }), req.params);
    if (!on().store.removeOffer(topic)) throw new CodedError('not_found', `no offered topic ${topic}`);
    return reply.code(204).send();
  });

  /** What a topic would share now, redacted: what a card would list. */
  app.get('/api/phoenix/exchange/offers/:topic/preview', async (req) => {
    const { topic } = parseWith(z.object({ topic: Topic }), req.params);
    const offer = on().store.offer(topic);
    if (!offer) throw new CodedError('not_found', `no offered topic ${topic}`);
    return { memories: await on().outbound.memoriesOf(offer) };
  });

  app.get('/api/phoenix/exchange/peers/:peer/offers', async (req) => {
    const { peer } = parseWith(z.object({ peer: PeerId }), req.params);
    return { peer, offers: await on().inbound.peerOffers(peer) };
  });

  app.post('/api/phoenix/exchange/subscriptions', async (req) => {
    const { peer, topic } = parseWith(SubscriptionInput, req.body);
    await on().inbound.subscribe(peer, topic);
    return on()
      .overview()
      .subscriptions.find((s) => s.peer === peer && s.topic === topic);
  });

  app.delete('/api/phoenix/exchange/subscriptions/:peer/:topic', async (req, reply) => {
    const { peer, topic } = parseWith(PeerTopic, req.params);
    if (!on().store.removeSubscription(peer, topic)) throw new CodedError('not_found', 'no such subscription');
    return reply.code(204).send();
  });

  app.post('/api/phoenix/exchange/grants', async (req, reply) => {
    const { peer, topic } = parseWith(GrantInput, req.body);
    if (!on().store.offer(topic)) throw new CodedError('not_found', `no offered topic ${topic}`);
    on().store.grant(peer, topic);
    return reply.code(201).send(
      on()
        .overview()
        .grants.find((g) => g.peer === peer && g.topic === topic),
    );
  });

  /** Ends a standing grant; with ?memories=true also takes back what it shared. */
  app.delete('/api/phoenix/exchange/grants/:peer/:topic', async (req) => {
    const { peer, topic } = parseWith(PeerTopic, req.params);
    const { memories } = parseWith(z.object({ memories: z.enum(['true', 'false']).default('false') }), req.query);
    if (!on().store.revokeGrant(peer, topic))
      throw new CodedError('not_found', 'no standing grant for that peer and topic');
    const deleted = memories === 'true' ? await on().outbound.revoke(peer, { topic }) : 0;
    return { revoked: true, deleted };
  });

  app.post('/api/phoenix/exchange/requests/:id/approve', async (req) => {
    const { id } = parseWith(Id, req.params);
    const { grant } = parseWith(ApproveShare, req.body ?? {});
    await on().outbound.approve(id, grant);
    return on()
      .overview()
      .requests.find((r) => r.id === id);
  });

  app.post('/api/phoenix/exchange/requests/:id/deny', async (req) => {
    const { id } = parseWith(Id, req.params);
    on().outbound.deny(id);
    return on()
      .overview()
      .requests.find((r) => r.id === id);
  });

  app.post('/api/phoenix/exchange/revoke', async (req) => {
    const r = parseWith(RevokeInput, req.body);
    return { deleted: await on().outbound.revoke(r.peer, r) };
  });
}
