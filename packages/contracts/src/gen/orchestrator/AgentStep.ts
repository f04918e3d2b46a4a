// Original file: orchestrator.proto

export interface AgentStep {
  seq?: number;
  kind?: string;
  at?: string;
  text?: string;
  action_id?: string;
  outcome?: string;
  child_run_id?: string;
  result_json?: string;
  decision_json?: string;
}

export interface AgentStep__Output {
  seq: number;
  kind: string;
  at: string;
  text: string;
  action_id: string;
  outcome: string;
  child_run_id: string;
  result_json: string;
  decision_json: string;
}
