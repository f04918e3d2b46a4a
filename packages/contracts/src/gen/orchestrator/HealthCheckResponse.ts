// Original file: orchestrator.proto

import type {
  DependencyHealth as _orchestrator_DependencyHealth,
  DependencyHealth__Output as _orchestrator_DependencyHealth__Output,
} from '../orchestrator/DependencyHealth.ts';

export interface HealthCheckResponse {
  status?: string;
  llm_provider?: string;
  dependencies?: _orchestrator_DependencyHealth[];
  pending_actions?: number;
}

export interface HealthCheckResponse__Output {
  status: string;
  llm_provider: string;
  dependencies: _orchestrator_DependencyHealth__Output[];
  pending_actions: number;
}
