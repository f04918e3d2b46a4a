import type { PrivateKey } from '@libp2p/interface';
import type { Logger } from '@pagi/runtime';
import type { Consensus } from './consensus/consensus.ts';
import { attachConsensus, type ConsensusSettings } from './consensus/libp2p-consensus.ts';
import { signerOf } from './consensus/signing.ts';
import { type ExchangeSettings, MemoryExchange } from './exchange/memory-exchange.ts';
import type { FleetRegistry } from './fleet/fleet-registry.ts';
import type { Role } from './handshake/hello-rules.ts';
import type { MeshNode } from './libp2p-node.ts';

/** What a mesh node runs beside its fleet registry, each when configured: Consensus Sync and the Memory Exchange. */
export interface MeshParts {
  consensus: Consensus | null;
  exchange: MemoryExchange | null;
  /** A peer passed the handshake. */
  verified(peer: string): void;
  /** Before the libp2p node stops, and after. */
  stop(): void;
  close(): void;
}

export async function startParts(
  node: MeshNode,
  opts: {
    key: PrivateKey;
    role: Role;
    twinId: string;
    fleet: FleetRegistry;
    logger: Logger;
    consensus?: ConsensusSettings;
    exchange?: ExchangeSettings;
  },
  verified: () => string[],
): Promise<MeshParts> {
  const signer = signerOf(opts.key);
  const { fleet, logger } = opts;
  const consensus = opts.consensus
    ? await attachConsensus(
        node,
        { settings: opts.consensus, signer, voter: opts.role === 'voter', fleet, logger },
        verified,
      )
    : null;
  const exchange = opts.exchange
    ? new MemoryExchange({ node, signer, twinId: opts.twinId, settings: opts.exchange, verified, logger })
    : null;
  await exchange?.start();
  return {
    consensus: consensus?.consensus ?? null,
    exchange,
    // What the fleet decided while this node was away (or before they met) comes now, not at the next catch-up.
    verified: (peer) => consensus?.caughtUp(peer),
    stop: () => consensus?.stop(),
    close: () => consensus?.close(),
  };
}
