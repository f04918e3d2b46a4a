// Original file: orchestrator.proto

import type {
  NodeHealth as _mesh_NodeHealth,
  NodeHealth__Output as _mesh_NodeHealth__Output,
} from '../mesh/NodeHealth.ts';

export interface FleetNode {
  peer_id?: string;
  twin_id?: string;
  name?: string;
  version?: string;
  role?: string;
  protocol_versions?: string[];
  capabilities?: string[];
  addresses?: string[];
  first_seen_ms?: number | string;
  last_seen_ms?: number | string;
  status?: string;
  health?: _mesh_NodeHealth | null;
  latency_ms?: number | string;
  self?: boolean;
}

export interface FleetNode__Output {
  peer_id: string;
  twin_id: string;
  name: string;
  version: string;
  role: string;
  protocol_versions: string[];
  capabilities: string[];
  addresses: string[];
  first_seen_ms: number;
  last_seen_ms: number;
  status: string;
  health: _mesh_NodeHealth__Output | null;
  latency_ms: number;
  self: boolean;
}
