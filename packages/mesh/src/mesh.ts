import path from 'node:path';
import { TopicValidatorResult } from '@libp2p/gossipsub';
import type { Connection, PeerId, PrivateKey } from '@libp2p/interface';
import { multiaddr } from '@multiformats/multiaddr';
import type { MeshStatus as MeshStatusBody } from '@pagi/contracts';
import type { Hello__Output } from '@pagi/contracts/gen/mesh/Hello.ts';
import type { NodeHealth__Output } from '@pagi/contracts/gen/mesh/NodeHealth.ts';
import type { Logger } from '@pagi/runtime';
import { MAX_ENVELOPE_BYTES } from './consensus/codec.ts';
import type { Consensus } from './consensus/consensus.ts';
import { CONSENSUS_TOPIC, type ConsensusSettings } from './consensus/libp2p-consensus.ts';
import type { ExchangeSettings, MemoryExchange } from './exchange/memory-exchange.ts';
import { FleetRegistry } from './fleet/fleet-registry.ts';
import { HEARTBEAT_TOPIC, HeartbeatGuard, HeartbeatSource } from './fleet/heartbeats.ts';
import { HANDSHAKE_PROTOCOL, Handshake } from './handshake/handshake.ts';
import { MESH_PROTOCOL, type Role } from './handshake/hello-rules.ts';
import { loadIdentity } from './identity.ts';
import { createNode, type MeshNode } from './libp2p-node.ts';
import { type MeshParts, startParts } from './mesh-parts.ts';
import { parseSwarmKey } from './swarm-key.ts';
import { heartbeatCodec, MAX_HEARTBEAT_BYTES } from './wire.ts';

export interface MeshOptions {
  /** Where the node's key lives (`identity.key`), under the data dir. */
  identityDir: string;
  /** Where the fleet registry lives (`fleet.sqlite`). */
  stateDir: string;
  /** MESH_SWARM_KEY: the key, a swarm.key file's text, or its path. */
  swarmKey: string;
  listen: string[];
  bootstrap: string[];
  mdns: boolean;
  /** Peer ids allowed in; empty: every peer holding the swarm key. */
  trustedPeers: string[];
  twinId: string;
  nodeName: string;
  version: string;
  role: Role;
  /** Mesh protocol versions spoken (default: this build's); an older node's can be given to test compatibility. */
  protocolVersions?: string[];
  heartbeatMs: number;
  suspectAfterMs: number;
  offlineAfterMs: number;
  /** Heartbeats sent further than this from the receiver's clock are refused. */
  clockWindowMs: number;
  handshakeTimeoutMs: number;
  /** This node's health, for its heartbeats. */
  health(): Promise<NodeHealth__Output>;
  /** Take part in Consensus Sync (fleet-wide votes on shared artifacts). */
  consensus?: ConsensusSettings;
  /** Answer and send Memory Exchange requests (the twin sets the handler). */
  exchange?: ExchangeSettings;
  logger: Logger;
}

/** What `status()` says about this node: the enabled form of the contracts' MeshStatus, without the flag. */
export type MeshStatus = Omit<Extract<MeshStatusBody, { enabled: true }>, 'enabled'>;

/** How long a peer that failed the handshake is not dialed again. */
const REFUSED_BACKOFF_MS = 30_000;
/** How often an unconnected bootstrap address is tried again. */
const REDIAL_MS = 5_000;

/** A twin's place in the mesh: its libp2p node, the handshake, heartbeats and the fleet registry. */
export class Mesh {
  readonly peerId: string;
  readonly fleet: FleetRegistry;
  /** Consensus Sync and the Memory Exchange, when MeshOptions configured them. */
  consensus: Consensus | null = null;
  exchange: MemoryExchange | null = null;
  private parts: MeshParts | null = null;
  private readonly key: PrivateKey;
  private readonly node: MeshNode;
  private readonly opts: MeshOptions;
  private readonly fingerprint: string;
  private readonly verified = new Set<string>();
  private readonly refusedUntil = new Map<string, number>();
  private readonly lastDial = new Map<string, number>();
  private readonly guard: HeartbeatGuard;
  private readonly source: HeartbeatSource;
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private stopped = false;

  private constructor(node: MeshNode, opts: MeshOptions, fingerprint: string, key: PrivateKey) {
    this.node = node;
    this.key = key;
    this.opts = opts;
    this.fingerprint = fingerprint;
    this.peerId = node.peerId.toString();
    this.fleet = new FleetRegistry(path.join(opts.stateDir, 'fleet.sqlite'), opts);
    this.guard = new HeartbeatGuard(opts.clockWindowMs);
    this.source = new HeartbeatSource(this.peerId);
  }

  private get hello() {
    const o = this.opts;
    return {
      twin_id: o.twinId,
      node_name: o.nodeName,
      software_version: o.version,
      protocol_versions: o.protocolVersions ?? [MESH_PROTOCOL],
      capabilities: o.consensus ? ['heartbeat', 'consensus'] : ['heartbeat'],
      role: o.role,
    };
  }

  static async start(opts: MeshOptions): Promise<Mesh> {
    const key = parseSwarmKey(opts.swarmKey);
    const privateKey = await loadIdentity(opts.identityDir);
    const node = await createNode({
      privateKey,
      psk: key.psk,
      listen: opts.listen,
      bootstrap: opts.bootstrap,
      mdns: opts.mdns,
      topics: opts.consensus ? [HEARTBEAT_TOPIC, CONSENSUS_TOPIC] : [HEARTBEAT_TOPIC],
      maxMessageBytes: opts.consensus ? MAX_ENVELOPE_BYTES : MAX_HEARTBEAT_BYTES,
    });
    const mesh = new Mesh(node, opts, key.fingerprint, privateKey);
    await mesh.wire();
    return mesh;
  }

  private async wire(): Promise<void> {
    const { node, opts } = this;
    const log = opts.logger;
    const handshake = new Handshake({
      hello: this.hello,
      trusted: new Set(opts.trustedPeers),
      timeoutMs: opts.handshakeTimeoutMs,
      accepted: (connection, hello) => this.admit(connection, hello),
      refused: (connection, reason, by) => {
        const peer = connection.remotePeer.toString();
        this.refusedUntil.set(peer, Date.now() + REFUSED_BACKOFF_MS);
        log.warn({ peer, reason, refused_by: by }, 'mesh handshake refused');
      },
    });
    await node.handle(HANDSHAKE_PROTOCOL, (stream, connection) => handshake.answer(stream, connection), {
      maxInboundStreams: 4,
    });
    node.addEventListener('connection:open', (e) => {
      if (e.detail.direction === 'outbound') void handshake.initiate(e.detail);
    });
    node.addEventListener('peer:disconnect', (e) => this.verified.delete(e.detail.toString()));
    node.addEventListener('peer:discovery', (e) => void this.dial(e.detail.id));

    const pubsub = node.services.pubsub;
    pubsub.topicValidators.set(HEARTBEAT_TOPIC, (_from, msg) => {
      if (msg.type !== 'signed') return TopicValidatorResult.Reject;
      const verdict = this.guard.check(msg.from.toString(), msg.data);
      if (verdict.ok) return TopicValidatorResult.Accept;
      if (!verdict.duplicate) log.debug({ peer: msg.from.toString(), reason: verdict.reason }, 'heartbeat refused');
      return verdict.duplicate ? TopicValidatorResult.Ignore : TopicValidatorResult.Reject;
    });
    pubsub.addEventListener('message', (e) => {
      const msg = e.detail;
      if (msg.topic !== HEARTBEAT_TOPIC || msg.type !== 'signed') return;
      const from = msg.from.toString();
      const hb = heartbeatCodec.decode(msg.data);
      if (this.verified.has(from)) this.fleet.heard(from, hb.health, hb.addresses);
      else void this.dial(msg.from, hb.addresses);
    });
    // A node's first heartbeat goes out before any peer's subscription is known, and reaches nobody: when a peer
    // subscribes, one more goes out at once, so that a joining node is known fleet-wide in well under a period.
    pubsub.addEventListener('subscription-change', (e) => {
      if (!e.detail.subscriptions.some((s) => s.topic === HEARTBEAT_TOPIC && s.subscribe)) return;
      clearTimeout(this.soon);
      this.soon = setTimeout(() => void this.publish(), 50);
      this.soon.unref();
    });
    pubsub.subscribe(HEARTBEAT_TOPIC);

    await node.start();
    this.parts = await startParts(node, { ...opts, key: this.key, fleet: this.fleet, logger: log }, () => [
      ...this.verified,
    ]);
    ({ consensus: this.consensus, exchange: this.exchange } = this.parts);
    this.fleet.admit(this.peerId, this.hello as Hello__Output, this.addresses(), true);
    log.info(
      { peer_id: this.peerId, listen: this.addresses(), swarm_key: this.fingerprint, mdns: opts.mdns },
      'mesh node started',
    );
    this.timer = setInterval(() => void this.tick(), opts.heartbeatMs);
    this.timer.unref();
    void this.tick();
  }

  private addresses(): string[] {
    return this.node.getMultiaddrs().map(String);
  }

  private admit(connection: Connection, hello: Hello__Output): void {
    const peer = connection.remotePeer.toString();
    const known = this.fleet.get(peer);
    this.verified.add(peer);
    this.refusedUntil.delete(peer);
    this.fleet.admit(peer, hello, [connection.remoteAddr.toString()]);
    this.parts?.verified(peer);
    if (!known || known.status === 'offline')
      this.opts.logger.info({ peer, twin: hello.twin_id, name: hello.node_name }, 'mesh peer verified');
  }

  /** Dials a peer unless connected, itself, or refused a moment ago; failures are logged, never thrown. */
  private async dial(peer: PeerId, addresses: string[] = []): Promise<void> {
    const id = peer.toString();
    if (this.stopped || id === this.peerId || (this.refusedUntil.get(id) ?? 0) > Date.now()) return;
    if (this.node.getConnections(peer).length) return;
    const last = this.lastDial.get(id) ?? 0;
    if (Date.now() - last < REDIAL_MS) return;
    this.lastDial.set(id, Date.now());
    try {
      const target = addresses.length ? addresses.map((a) => multiaddr(a)) : peer;
      await this.node.dial(target, { signal: AbortSignal.timeout(this.opts.handshakeTimeoutMs) });
    } catch (err) {
      this.opts.logger.warn(
        { peer: id, err: (err as Error).message },
        'could not connect to a mesh peer (unreachable, or holding another swarm key)',
      );
    }
  }

  /** Publishes this node's heartbeat (and records its own health in its registry). */
  private async publish(): Promise<void> {
    if (this.stopped) return;
    try {
      const health = await this.opts.health();
      const addresses = this.addresses();
      this.fleet.heard(this.peerId, health, addresses);
      await this.node.services.pubsub.publish(HEARTBEAT_TOPIC, this.source.next(health, addresses));
    } catch (err) {
      this.opts.logger.debug({ err: (err as Error).message }, 'heartbeat not published');
    }
  }

  /** Every heartbeat period: publish ours, re-derive statuses, measure latency, retry bootstrap peers. */
  private async tick(): Promise<void> {
    if (this.stopped) return;
    await this.publish();
    this.fleet.sweep();
    for (const addr of this.opts.bootstrap) {
      const peer = multiaddr(addr)
        .getComponents()
        .find((c) => c.name === 'p2p')?.value;
      if (peer && peer !== this.peerId && !this.verified.has(peer)) void this.dialAddress(peer, addr);
    }
    await Promise.all(
      [...this.verified].map(async (peer) => {
        const conn = this.node.getConnections().find((c) => c.remotePeer.toString() === peer);
        if (!conn) return;
        try {
          this.fleet.latency(
            peer,
            await this.node.services.ping.ping(conn.remoteAddr, { signal: AbortSignal.timeout(2_000) }),
          );
        } catch {
          // An unanswered ping shows as missing heartbeats soon enough.
        }
      }),
    );
  }

  private async dialAddress(peer: string, addr: string): Promise<void> {
    if (this.node.getConnections().some((c) => c.remotePeer.toString() === peer)) return;
    const last = this.lastDial.get(peer) ?? 0;
    if (Date.now() - last < REDIAL_MS || (this.refusedUntil.get(peer) ?? 0) > Date.now()) return;
    this.lastDial.set(peer, Date.now());
    await this.node
      .dial(multiaddr(addr), { signal: AbortSignal.timeout(this.opts.handshakeTimeoutMs) })
      .catch(() => undefined);
  }

  status(): MeshStatus {
    return {
      peer_id: this.peerId,
      listen_addresses: this.addresses(),
      swarm_key_fingerprint: this.fingerprint,
      peers_connected: [...this.verified].filter((p) =>
        this.node.getConnections().some((c) => c.remotePeer.toString() === p),
      ).length,
      mdns: this.opts.mdns,
      bootstrap: this.opts.bootstrap,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.soon);
    this.parts?.stop();
    await this.node.stop();
    this.parts?.close();
    this.fleet.close();
  }
}
