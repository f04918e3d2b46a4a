// Original file: orchestrator.proto

import type {
  AgentRun as _orchestrator_AgentRun,
  AgentRun__Output as _orchestrator_AgentRun__Output,
} from '../orchestrator/AgentRun.ts';

export interface ListAgentRunsResponse {
  runs?: _orchestrator_AgentRun[];
}

export interface ListAgentRunsResponse__Output {
  runs: _orchestrator_AgentRun__Output[];
}
