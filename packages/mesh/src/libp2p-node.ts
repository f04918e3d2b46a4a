import { noise } from '@chainsafe/libp2p-noise';
import { yamux } from '@chainsafe/libp2p-yamux';
import { bootstrap } from '@libp2p/bootstrap';
import { gossipsub } from '@libp2p/gossipsub';
import { identify } from '@libp2p/identify';
import type { PrivateKey } from '@libp2p/interface';
import { mdns } from '@libp2p/mdns';
import { ping } from '@libp2p/ping';
import { preSharedKey } from '@libp2p/pnet';
import { tcp } from '@libp2p/tcp';
import { createLibp2p } from 'libp2p';

export interface NodeOptions {
  privateKey: PrivateKey;
  /** Swarm key in pnet's file format: only nodes holding it can complete a connection. */
  psk: Uint8Array;
  listen: string[];
  bootstrap: string[];
  mdns: boolean;
  /** Topics gossip may carry; anything else is dropped unread. */
  topics: string[];
  /** The largest gossip message taken (each topic's own checks bound its messages further). */
  maxMessageBytes: number;
}

/** A libp2p node with the twin's stack: TCP, pnet, Noise, Yamux, identify, ping, gossipsub (strict signing). */
export function createNode(opts: NodeOptions) {
  return createLibp2p({
    privateKey: opts.privateKey,
    addresses: { listen: opts.listen },
    transports: [tcp()],
    connectionProtector: preSharedKey({ psk: opts.psk }),
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    peerDiscovery: [
      ...(opts.bootstrap.length ? [bootstrap({ list: opts.bootstrap, timeout: 100 })] : []),
      ...(opts.mdns ? [mdns({ interval: 10_000 })] : []),
    ],
    connectionManager: {
      // A node with the wrong swarm key may leave a dial hanging until this; the default is several seconds.
      addressDialTimeout: 2_000,
      // Several twins on one machine dial each other from 127.0.0.1 at once: not a flood.
      allow: ['/ip4/127.0.0.0/ipcidr/8', '/ip6/::1'],
    },
    services: {
      identify: identify(),
      ping: ping(),
      pubsub: gossipsub({
        globalSignaturePolicy: 'StrictSign',
        emitSelf: false,
        allowPublishToZeroTopicPeers: true,
        allowedTopics: opts.topics,
        maxInboundDataLength: opts.maxMessageBytes,
        // Gossipsub scores down peers sharing an IP address (a defence against address-cheap Sybils on open
        // networks), past 10 of them until their messages are ignored. Here only holders of the swarm key connect at
        // all, and twins on one machine or behind one NAT share an address by design.
        scoreParams: { IPColocationFactorWeight: 0 },
      }),
    },
  });
}

export type MeshNode = Awaited<ReturnType<typeof createNode>>;
