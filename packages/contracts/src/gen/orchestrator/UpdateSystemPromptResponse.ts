// Original file: orchestrator.proto

export interface UpdateSystemPromptResponse {
  success?: boolean;
  version?: number;
  message?: string;
}

export interface UpdateSystemPromptResponse__Output {
  success: boolean;
  version: number;
  message: string;
}
