import {
  ExchangeOverview,
  ExchangePreview,
  Grant,
  Offer,
  type OfferInput,
  OutboundMemory,
  PeerOffers,
  ShareRequest,
  Subscription,
} from '@pagi/contracts';
import { z } from 'zod';
import { gatewayPath } from '../config.ts';
import { csrfHeaders, sessionEnded } from './authSession.ts';
import { ApiError, deleteJson, getJson, postJson } from './http.ts';

// The Memory Exchange through the gateway: offers, subscriptions, standing grants, share requests, revocation, and
// the redaction preview.

/** An offer as the form sends it (query and description may be empty). */
export type NewOffer = z.infer<typeof OfferInput>;

export const EXCHANGE_EVENTS_PATH = '/api/phoenix/exchange/events';

const Preview = z.object({ memories: z.array(OutboundMemory) });
const GrantRevoked = z.object({ revoked: z.boolean(), deleted: z.number() });
const Deleted = z.object({ deleted: z.number() });

const seg = encodeURIComponent;
const pair = (peer: string, topic: string) => `${seg(peer)}/${seg(topic)}`;

/** A DELETE whose success is 204 No Content: the shared JSON client expects a body, so this one reads none. */
async function deleteEmpty(path: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(gatewayPath(path), {
      method: 'DELETE',
      headers: { accept: 'application/json', ...csrfHeaders() },
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new ApiError(0, 'unreachable', 'cannot reach the gateway');
  }
  if (res.ok) return;
  if (res.status === 401) sessionEnded();
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText);
}

export const getOverview = (signal?: AbortSignal) => getJson('/api/phoenix/exchange', ExchangeOverview, { signal });

export const addOffer = (offer: NewOffer) => postJson('/api/phoenix/exchange/offers', offer, Offer);

export const removeOffer = (topic: string) => deleteEmpty(`/api/phoenix/exchange/offers/${seg(topic)}`);

/** What a topic would send now, after redaction. */
export const previewOffer = (topic: string) =>
  getJson(`/api/phoenix/exchange/offers/${seg(topic)}/preview`, Preview, { timeoutMs: 30_000 });

/** Asks a peer over the mesh which topics it offers. */
export const peerOffers = (peer: string) =>
  getJson(`/api/phoenix/exchange/peers/${seg(peer)}/offers`, PeerOffers, { timeoutMs: 30_000 });

export const subscribe = (peer: string, topic: string) =>
  postJson('/api/phoenix/exchange/subscriptions', { peer, topic }, Subscription, { timeoutMs: 30_000 });

export const unsubscribe = (peer: string, topic: string) =>
  deleteEmpty(`/api/phoenix/exchange/subscriptions/${pair(peer, topic)}`);

export const addGrant = (peer: string, topic: string) =>
  postJson('/api/phoenix/exchange/grants', { peer, topic }, Grant);

/** Ends a standing grant; with `memories` the peer also deletes what the grant shared. */
export const revokeGrant = (peer: string, topic: string, memories: boolean) =>
  deleteJson(`/api/phoenix/exchange/grants/${pair(peer, topic)}?memories=${memories}`, GrantRevoked, {
    timeoutMs: 30_000,
  });

export const approveShare = (id: string, grant: boolean) =>
  postJson(`/api/phoenix/exchange/requests/${seg(id)}/approve`, { grant }, ShareRequest, { timeoutMs: 30_000 });

export const denyShare = (id: string) => postJson(`/api/phoenix/exchange/requests/${seg(id)}/deny`, {}, ShareRequest);

/** Takes back what was shared with a peer on a topic: the peer deletes it. */
export const revokeShared = (peer: string, topic: string) =>
  postJson('/api/phoenix/exchange/revoke', { peer, topic }, Deleted, { timeoutMs: 30_000 });

/** What redaction would make of a text. */
export const previewRedaction = (text: string) => postJson('/api/phoenix/exchange/preview', { text }, ExchangePreview);
