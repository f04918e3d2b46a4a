// Original file: orchestrator.proto

export interface GetPromptHistoryRequest {
  limit?: number;
}

export interface GetPromptHistoryRequest__Output {
  limit: number;
}
