// Original file: orchestrator.proto

export interface ListAgentRunsRequest {
  limit?: number;
  status?: string;
}

export interface ListAgentRunsRequest__Output {
  limit: number;
  status: string;
}
