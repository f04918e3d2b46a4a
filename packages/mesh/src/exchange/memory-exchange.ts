import { randomBytes } from 'node:crypto';
import type { Connection, Stream } from '@libp2p/interface';
import { peerIdFromString } from '@libp2p/peer-id';
import { lpStream } from '@libp2p/utils';
import type { RequestBody, RequestBody__Output } from '@pagi/contracts/gen/exchange/RequestBody.ts';
import type { Response, Response__Output } from '@pagi/contracts/gen/exchange/Response.ts';
import type { Logger } from '@pagi/runtime';
import { type Signer, seal, signedBy } from '../consensus/signing.ts';
import type { MeshNode } from '../libp2p-node.ts';
import {
  MAX_HITS,
  MAX_MEMORY_CHARS,
  MAX_REQUEST_BYTES,
  MAX_RESPONSE_BYTES,
  MAX_SHARED,
  requestBodyCodec,
  responseCodec,
  signedRequestCodec,
} from './codec.ts';
import { PeerRateLimit } from './rate-limit.ts';

// Memory Exchange on libp2p: one signed request and one answer per stream. What arrives is checked before the twin
// sees it — size, rate, signature, that the signer is the connection's peer and the addressee is this node, the clock
// window, a nonce never seen — and refused with a reason otherwise. What a request means (store, delete, search,
// subscribe) is the twin's business: the handler.

export const EXCHANGE_PROTOCOL = '/pagi/memory-exchange/1.0.0';

/** What one peer may send: requests and bytes per window. */
export interface ExchangeLimits {
  requests: number;
  bytes: number;
  windowMs: number;
}

export interface ExchangeSettings {
  limits: ExchangeLimits;
  clockWindowMs: number;
  /** Bound on one exchange, end to end (a handler that takes longer answers with a refusal). */
  timeoutMs: number;
}

export type ExchangeKind = Pick<RequestBody, 'share' | 'revoke' | 'search' | 'subscribe' | 'list_offers'>;

export interface ExchangeHandler {
  handle(from: { peer: string; twin: string }, request: RequestBody__Output): Promise<Response>;
}

const refusal = (reason: string): Response => ({ ok: false, reason });

export class MemoryExchange {
  private handler: ExchangeHandler | null = null;
  private readonly seen = new Map<string, number>();
  private readonly rate: PeerRateLimit;

  private readonly node: MeshNode;
  private readonly signer: Signer;
  private readonly twinId: string;
  private readonly settings: ExchangeSettings;
  private readonly verified: () => string[];
  private readonly logger: Logger;

  constructor(parts: {
    node: MeshNode;
    signer: Signer;
    twinId: string;
    settings: ExchangeSettings;
    /** Peers that passed the handshake. */
    verified: () => string[];
    logger: Logger;
  }) {
    this.node = parts.node;
    this.signer = parts.signer;
    this.twinId = parts.twinId;
    this.settings = parts.settings;
    this.verified = parts.verified;
    this.logger = parts.logger;
    this.rate = new PeerRateLimit(parts.settings.limits);
  }

  /** Who answers requests; until set, they are refused. */
  setHandler(handler: ExchangeHandler): void {
    this.handler = handler;
  }

  async start(): Promise<void> {
    await this.node.handle(EXCHANGE_PROTOCOL, (stream, connection) => this.answer(stream, connection), {
      maxInboundStreams: 8,
    });
  }

  /** Sends one request to a peer and returns its answer; rejects on timeout or a broken stream. */
  async request(peer: string, kind: ExchangeKind, timeoutMs = this.settings.timeoutMs): Promise<Response__Output> {
    const body: RequestBody = {
      from: this.signer.peerId,
      from_twin: this.twinId,
      to: peer,
      sent_at_ms: Date.now(),
      nonce: randomBytes(16).toString('hex'),
      ...kind,
    };
    const signal = AbortSignal.timeout(timeoutMs);
    const stream = await this.node.dialProtocol(peerIdFromString(peer), EXCHANGE_PROTOCOL, { signal });
    const lp = lpStream(stream, { maxDataLength: MAX_RESPONSE_BYTES });
    try {
      await lp.write(signedRequestCodec.encode(seal(this.signer, requestBodyCodec.encode(body))), { signal });
      const answer = responseCodec.decode((await lp.read({ signal })).subarray());
      await stream.close({ signal }).catch(() => undefined);
      return answer;
    } catch (err) {
      // Reset, not left open: an unanswered stream would hold one of the peer's few inbound slots for good.
      stream.abort(err as Error);
      throw err;
    }
  }

  private async answer(stream: Stream, connection: Connection): Promise<void> {
    const peer = connection.remotePeer.toString();
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    const lp = lpStream(stream, { maxDataLength: MAX_REQUEST_BYTES });
    try {
      let response: Response;
      try {
        const bytes = (await lp.read({ signal })).subarray();
        response = await this.take(peer, bytes);
      } catch (err) {
        // Larger than allowed, cut off, or too slow: said so, on a stream that is then closed.
        response = refusal(`request not taken: ${(err as Error).message}`);
      }
      if (!response.ok) this.logger.warn({ peer, reason: response.reason }, 'memory exchange request refused');
      await lp.write(responseCodec.encode(response), { signal });
      await stream.close({ signal }).catch(() => undefined);
    } catch (err) {
      stream.abort(err as Error);
    }
  }

  /** Checks one request and hands it to the twin. */
  private async take(peer: string, bytes: Uint8Array): Promise<Response> {
    if (!this.verified().includes(peer)) return refusal('peer not verified');
    if (!this.rate.take(peer, bytes.byteLength)) return refusal('rate limited: too many requests or bytes');
    const signed = signedRequestCodec.decode(bytes);
    const body = requestBodyCodec.decode(signed.body);
    if (body.from !== peer) return refusal('request signed for another peer than the connection’s');
    if (!signedBy(signed, body.from)) return refusal('bad signature');
    if (body.to !== this.signer.peerId) return refusal('request addressed to another node');
    const now = Date.now();
    if (Math.abs(now - body.sent_at_ms) > this.settings.clockWindowMs)
      return refusal('request outside the clock window');
    if (!/^[0-9a-f]{16,64}$/.test(body.nonce) || this.seen.has(body.nonce)) return refusal('request replayed');
    this.remember(body.nonce, now);
    const problem = boundsProblem(body);
    if (problem) return refusal(problem);
    if (!this.handler) return refusal('this twin is not ready for the memory exchange');
    return this.handler.handle({ peer, twin: body.from_twin }, body);
  }

  private remember(nonce: string, now: number): void {
    this.seen.set(nonce, now);
    if (this.seen.size < 10_000) return;
    for (const [n, at] of this.seen) if (now - at > this.settings.clockWindowMs) this.seen.delete(n);
  }
}

function boundsProblem(body: RequestBody__Output): string | null {
  if (body.share) {
    if (body.share.memories.length > MAX_SHARED) return `more than ${MAX_SHARED} memories in one share`;
    if (body.share.memories.some((m) => m.content.length > MAX_MEMORY_CHARS || !m.origin_id))
      return 'a shared memory is too long or has no origin id';
  }
  if (body.revoke && body.revoke.origin_ids.length > 10 * MAX_SHARED) return 'too many ids in one revocation';
  if (body.search && (body.search.top_k > MAX_HITS || body.search.query.length > 4096)) return 'search too large';
  return body.share || body.revoke || body.search || body.subscribe || body.list_offers ? null : 'empty request';
}
