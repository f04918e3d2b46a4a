// Original file: mesh.proto

import type {
  NodeHealth as _mesh_NodeHealth,
  NodeHealth__Output as _mesh_NodeHealth__Output,
} from '../mesh/NodeHealth.ts';

export interface Heartbeat {
  peer_id?: string;
  seq?: number | string;
  epoch_ms?: number | string;
  sent_at_ms?: number | string;
  health?: _mesh_NodeHealth | null;
  addresses?: string[];
}

export interface Heartbeat__Output {
  peer_id: string;
  seq: number;
  epoch_ms: number;
  sent_at_ms: number;
  health: _mesh_NodeHealth__Output | null;
  addresses: string[];
}
