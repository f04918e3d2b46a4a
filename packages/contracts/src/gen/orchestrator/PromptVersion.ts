// Original file: orchestrator.proto

export interface PromptVersion {
  version?: number;
  prompt?: string;
  author?: string;
  reason?: string;
  created_at_ms?: number | string;
}

export interface PromptVersion__Output {
  version: number;
  prompt: string;
  author: string;
  reason: string;
  created_at_ms: number;
}
