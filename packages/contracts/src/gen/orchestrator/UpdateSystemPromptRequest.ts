// Original file: orchestrator.proto

export interface UpdateSystemPromptRequest {
  prompt?: string;
  author?: string;
  reason?: string;
}

export interface UpdateSystemPromptRequest__Output {
  prompt: string;
  author: string;
  reason: string;
}
