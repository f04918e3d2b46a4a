// Original file: orchestrator.proto

export interface GetAgentRunRequest {
  run_id?: string;
}

export interface GetAgentRunRequest__Output {
  run_id: string;
}
