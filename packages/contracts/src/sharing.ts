import { z } from 'zod';
import { Domain } from './domains.ts';

// Memory Exchange's HTTP shapes (/api/phoenix/exchange…): topics this twin offers, subscriptions to peers' topics,
// standing grants, share requests waiting for the owner, and what was shared with and received from whom.

export const PeerId = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{32,128}$/, 'not a peer id');
export const Topic = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase letters, digits, dot, dash or underscore, at most 64');

export const OfferInput = z.object({
  topic: Topic,
  domain: Domain,
  /** Narrows the topic to the memories this query finds (empty: the whole domain). */
  query: z.string().trim().max(512).default(''),
  description: z.string().trim().max(512).default(''),
});
export const Offer = OfferInput.extend({ created_at_ms: z.number() });
export type Offer = z.infer<typeof Offer>;

export const SubscriptionInput = z.object({ peer: PeerId, topic: Topic });
export const SubscriptionStatus = z.enum(['shared', 'waiting', 'refused', 'failed']);
export const Subscription = z.object({
  peer: z.string(),
  peer_name: z.string().nullable(),
  topic: z.string(),
  /** shared: memories arrived; waiting: the peer's owner decides; refused / failed: with the reason. */
  status: SubscriptionStatus,
  reason: z.string(),
  created_at_ms: z.number(),
  updated_at_ms: z.number(),
});
export type Subscription = z.infer<typeof Subscription>;

export const GrantInput = z.object({ peer: PeerId, topic: Topic });
export const Grant = z.object({
  peer: z.string(),
  peer_name: z.string().nullable(),
  topic: z.string(),
  created_at_ms: z.number(),
  revoked_at_ms: z.number().nullable(),
});
export type Grant = z.infer<typeof Grant>;

export const RedactionCount = z.object({ type: z.string(), count: z.number() });

/** A memory as it would leave (or left) this twin: after redaction. */
export const OutboundMemory = z.object({
  origin_id: z.string(),
  content: z.string(),
  domain: z.string(),
  redactions: z.array(RedactionCount),
});
export type OutboundMemory = z.infer<typeof OutboundMemory>;

export const ShareRequest = z.object({
  id: z.string(),
  peer: z.string(),
  peer_name: z.string().nullable(),
  peer_twin: z.string(),
  topic: z.string(),
  memories: z.array(OutboundMemory),
  status: z.enum(['pending', 'sent', 'denied', 'failed']),
  reason: z.string(),
  created_at_ms: z.number(),
  decided_at_ms: z.number().nullable(),
});
export type ShareRequest = z.infer<typeof ShareRequest>;

export const ApproveShare = z.object({
  /** Also share this topic with this peer from now on without asking (a standing grant). */
  grant: z.boolean().default(false),
});

export const SharedRecord = z.object({
  peer: z.string(),
  peer_name: z.string().nullable(),
  origin_id: z.string(),
  topic: z.string(),
  shared_at_ms: z.number(),
  revoked_at_ms: z.number().nullable(),
});
export type SharedRecord = z.infer<typeof SharedRecord>;

export const ReceivedRecord = z.object({
  origin_peer: z.string(),
  origin_name: z.string().nullable(),
  origin_twin: z.string(),
  origin_id: z.string(),
  memory_id: z.string(),
  topic: z.string(),
  content: z.string(),
  redactions: z.array(RedactionCount),
  received_at_ms: z.number(),
});
export type ReceivedRecord = z.infer<typeof ReceivedRecord>;

export const RevokeInput = z
  .object({
    peer: PeerId,
    topic: Topic.optional(),
    origin_ids: z.array(z.string().min(1).max(256)).max(2000).optional(),
  })
  .refine((r) => (r.topic === undefined) !== (r.origin_ids === undefined), 'give either topic or origin_ids');

export const PeerOffers = z.object({
  peer: z.string(),
  offers: z.array(z.object({ topic: z.string(), domain: z.string(), description: z.string() })),
});

export const ExchangeOverview = z.object({
  offers: z.array(Offer),
  subscriptions: z.array(Subscription),
  grants: z.array(Grant),
  requests: z.array(ShareRequest),
  shared: z.array(SharedRecord),
  received: z.array(ReceivedRecord),
});
export type ExchangeOverview = z.infer<typeof ExchangeOverview>;

export const ExchangeEvent = z.object({
  type: z.enum(['request', 'decided', 'shared', 'received', 'revoked', 'subscription']),
  peer: z.string(),
  topic: z.string(),
  at_ms: z.number(),
});
export type ExchangeEvent = z.infer<typeof ExchangeEvent>;
