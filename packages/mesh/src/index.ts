// The Phoenix mesh's network layer and Fleet Manager: start a node with `Mesh.start`, read the fleet from `mesh.fleet`.
export type { FleetEvent, FleetNode, NodeStatus } from './fleet/fleet-registry.ts';
export { HEARTBEAT_TOPIC } from './fleet/heartbeats.ts';
export { HANDSHAKE_PROTOCOL } from './handshake/handshake.ts';
export { MESH_PROTOCOL, ROLES, type Role } from './handshake/hello-rules.ts';
export { loadIdentity, peerIdOf } from './identity.ts';
export { Mesh, type MeshOptions, type MeshStatus } from './mesh.ts';
export { generateSwarmKey, parseSwarmKey } from './swarm-key.ts';
