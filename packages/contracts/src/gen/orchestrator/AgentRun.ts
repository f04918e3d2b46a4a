// Original file: orchestrator.proto

import type {
  AgentStep as _orchestrator_AgentStep,
  AgentStep__Output as _orchestrator_AgentStep__Output,
} from '../orchestrator/AgentStep.ts';

export interface AgentRun {
  run_id?: string;
  template?: string;
  goal?: string;
  parent_run_id?: string;
  root_run_id?: string;
  depth?: number;
  session_id?: string;
  status?: string;
  reason?: string;
  result?: string;
  source?: string;
  playbook?: string;
  schedule_id?: string;
  steps_used?: number;
  max_steps?: number;
  tokens_used?: number | string;
  pending_action_ids?: string[];
  children?: string[];
  created_at?: string;
  updated_at?: string;
  ended_at?: string;
  steps?: _orchestrator_AgentStep[];
}

export interface AgentRun__Output {
  run_id: string;
  template: string;
  goal: string;
  parent_run_id: string;
  root_run_id: string;
  depth: number;
  session_id: string;
  status: string;
  reason: string;
  result: string;
  source: string;
  playbook: string;
  schedule_id: string;
  steps_used: number;
  max_steps: number;
  tokens_used: number;
  pending_action_ids: string[];
  children: string[];
  created_at: string;
  updated_at: string;
  ended_at: string;
  steps: _orchestrator_AgentStep__Output[];
}
