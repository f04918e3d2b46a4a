// The Phoenix mesh: start a node with `Mesh.start`, read the fleet from `mesh.fleet`, and vote on fleet-wide changes
// through `mesh.consensus` (Consensus Sync).

export { type Applier, type Appliers, fileApplier, memoryApplier, memoryAppliers } from './consensus/appliers.ts';
export { voteCodec } from './consensus/codec.ts';
export { Consensus, type ProposeInput } from './consensus/consensus.ts';
export { ConsensusStore } from './consensus/consensus-store.ts';
export type { ConsensusOptions, Membership, Transport, Verdict } from './consensus/core.ts';
export { CONSENSUS_SYNC_PROTOCOL, CONSENSUS_TOPIC, type ConsensusSettings } from './consensus/libp2p-consensus.ts';
export { quorumFor } from './consensus/rules.ts';
export { type Signer, seal, signerOf } from './consensus/signing.ts';
export {
  EXCHANGE_PROTOCOL,
  type ExchangeHandler,
  type ExchangeKind,
  type ExchangeSettings,
  MemoryExchange,
} from './exchange/memory-exchange.ts';
export type { FleetEvent, FleetNode, NodeStatus } from './fleet/fleet-registry.ts';
export { HEARTBEAT_TOPIC } from './fleet/heartbeats.ts';
export { HANDSHAKE_PROTOCOL } from './handshake/handshake.ts';
export { MESH_PROTOCOL, ROLES, type Role } from './handshake/hello-rules.ts';
export { loadIdentity, peerIdOf } from './identity.ts';
export { Mesh, type MeshOptions, type MeshStatus } from './mesh.ts';
export { generateSwarmKey, parseSwarmKey } from './swarm-key.ts';
