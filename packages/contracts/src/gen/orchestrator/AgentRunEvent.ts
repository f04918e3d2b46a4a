// Original file: orchestrator.proto

import type {
  AgentRun as _orchestrator_AgentRun,
  AgentRun__Output as _orchestrator_AgentRun__Output,
} from '../orchestrator/AgentRun.ts';
import type {
  AgentStep as _orchestrator_AgentStep,
  AgentStep__Output as _orchestrator_AgentStep__Output,
} from '../orchestrator/AgentStep.ts';

export interface AgentRunEvent {
  type?: string;
  run?: _orchestrator_AgentRun | null;
  run_id?: string;
  step?: _orchestrator_AgentStep | null;
}

export interface AgentRunEvent__Output {
  type: string;
  run: _orchestrator_AgentRun__Output | null;
  run_id: string;
  step: _orchestrator_AgentStep__Output | null;
}
