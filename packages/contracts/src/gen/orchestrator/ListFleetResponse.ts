// Original file: orchestrator.proto

import type {
  FleetNode as _orchestrator_FleetNode,
  FleetNode__Output as _orchestrator_FleetNode__Output,
} from '../orchestrator/FleetNode.ts';

export interface ListFleetResponse {
  nodes?: _orchestrator_FleetNode[];
}

export interface ListFleetResponse__Output {
  nodes: _orchestrator_FleetNode__Output[];
}
