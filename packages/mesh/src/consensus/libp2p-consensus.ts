import { TopicValidatorResult } from '@libp2p/gossipsub';
import { peerIdFromString } from '@libp2p/peer-id';
import { lpStream } from '@libp2p/utils';
import type { Logger } from '@pagi/runtime';
import type { FleetRegistry } from '../fleet/fleet-registry.ts';
import type { MeshNode } from '../libp2p-node.ts';
import type { Appliers } from './appliers.ts';
import { MAX_SYNC_RESPONSE_BYTES } from './codec.ts';
import { Consensus } from './consensus.ts';
import { ConsensusStore } from './consensus-store.ts';
import type { Membership, Transport } from './core.ts';
import type { Signer } from './signing.ts';

// Consensus Sync on libp2p: proposals, votes, decisions and applications travel on one gossipsub topic (strict
// signing on the transport, and each item signed by its author inside); catch-up is a request/response protocol,
// asked of every peer when it is verified and of one peer at random every `syncMs`.

export const CONSENSUS_TOPIC = '/pagi/consensus/1';
export const CONSENSUS_SYNC_PROTOCOL = '/pagi/consensus-sync/1.0.0';

export interface ConsensusSettings {
  /** `consensus.sqlite`'s path. */
  file: string;
  appliers: Appliers;
  quorumRatio: number;
  autoReject: string[];
  /** How often deadlines are checked; open proposals and votes are re-sent every `resendTicks` checks. */
  tickMs: number;
  resendTicks: number;
  syncMs: number;
  requestTimeoutMs: number;
  graceMs: number;
  maxSkewMs: number;
  /** A voter not heard from this long no longer counts toward the fleet's majority. */
  memberTtlMs: number;
}

const VERDICTS = {
  accept: TopicValidatorResult.Accept,
  ignore: TopicValidatorResult.Ignore,
  reject: TopicValidatorResult.Reject,
} as const;

export function fleetMembership(fleet: FleetRegistry, memberTtlMs: number): Membership {
  const voters = () => fleet.list().filter((n) => n.role === 'voter');
  return {
    onlineVoters: () =>
      voters()
        .filter((n) => n.status === 'online')
        .map((n) => n.peer_id),
    knownVoters: () => voters().filter((n) => n.self || Date.now() - n.last_seen_ms < memberTtlMs).length,
    isMember: (peer) => fleet.get(peer) !== undefined,
    isVoter: (peer) => fleet.get(peer)?.role === 'voter',
    nameOf: (peer) => fleet.get(peer)?.name ?? null,
  };
}

/** Runs Consensus Sync on a started libp2p node; `verified()` lists the peers that passed the handshake. */
export async function attachConsensus(
  node: MeshNode,
  opts: { settings: ConsensusSettings; signer: Signer; voter: boolean; fleet: FleetRegistry; logger: Logger },
  verified: () => string[],
): Promise<{ consensus: Consensus; caughtUp(peer: string): void; stop(): void; close(): void }> {
  const { settings: s, logger: log } = opts;
  const pubsub = node.services.pubsub;
  const transport: Transport = {
    broadcast: (bytes) =>
      void pubsub.publish(CONSENSUS_TOPIC, bytes).catch((err: Error) => log.debug({ err: err.message }, 'not sent')),
    peers: verified,
    async request(peer, bytes) {
      const signal = AbortSignal.timeout(s.requestTimeoutMs);
      const stream = await node.dialProtocol(peerIdFromString(peer), CONSENSUS_SYNC_PROTOCOL, { signal });
      const lp = lpStream(stream, { maxDataLength: MAX_SYNC_RESPONSE_BYTES });
      await lp.write(bytes, { signal });
      const answer = (await lp.read({ signal })).subarray();
      await stream.close({ signal }).catch(() => undefined);
      return answer;
    },
  };
  const store = new ConsensusStore(s.file);
  const consensus = new Consensus({
    signer: opts.signer,
    store,
    transport,
    membership: fleetMembership(opts.fleet, s.memberTtlMs),
    appliers: s.appliers,
    voter: opts.voter,
    quorumRatio: s.quorumRatio,
    autoReject: s.autoReject,
    graceMs: s.graceMs,
    maxSkewMs: s.maxSkewMs,
    now: Date.now,
    note: (msg, fields) => log.info(fields, msg),
  });

  await node.handle(
    CONSENSUS_SYNC_PROTOCOL,
    async (stream, connection) => {
      const signal = AbortSignal.timeout(s.requestTimeoutMs);
      const lp = lpStream(stream, { maxDataLength: 1024 });
      try {
        if (!verified().includes(connection.remotePeer.toString())) throw new Error('peer not verified');
        await lp.write(consensus.answerSync((await lp.read({ signal })).subarray()), { signal });
        await stream.close({ signal }).catch(() => undefined);
      } catch (err) {
        log.debug({ peer: connection.remotePeer.toString(), err: (err as Error).message }, 'catch-up not answered');
        stream.abort(err as Error);
      }
    },
    { maxInboundStreams: 8 },
  );
  pubsub.topicValidators.set(CONSENSUS_TOPIC, (from, msg) => {
    if (msg.type !== 'signed' || !verified().includes(from.toString())) return TopicValidatorResult.Ignore;
    try {
      return VERDICTS[consensus.receive(msg.data)];
    } catch (err) {
      // Our own failure (storage, say), not the sender's: not relayed, not held against it.
      log.error({ err: (err as Error).message }, 'consensus message not taken');
      return TopicValidatorResult.Ignore;
    }
  });
  pubsub.subscribe(CONSENSUS_TOPIC);

  let ticks = 0;
  const tick = setInterval(() => consensus.tick(++ticks % s.resendTicks === 0), s.tickMs);
  const sync = setInterval(() => {
    const peers = verified();
    const peer = peers[Math.floor(Math.random() * peers.length)];
    if (peer) void consensus.catchUp(peer);
  }, s.syncMs);
  tick.unref();
  sync.unref();
  return {
    consensus,
    caughtUp: (peer) => void consensus.catchUp(peer),
    stop() {
      clearInterval(tick);
      clearInterval(sync);
    },
    /** After the node stopped: nothing can arrive any more. */
    close: () => store.close(),
  };
}
