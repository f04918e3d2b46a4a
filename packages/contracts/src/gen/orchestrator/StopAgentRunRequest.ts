// Original file: orchestrator.proto

export interface StopAgentRunRequest {
  run_id?: string;
}

export interface StopAgentRunRequest__Output {
  run_id: string;
}
