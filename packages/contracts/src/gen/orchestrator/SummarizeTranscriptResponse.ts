// Original file: orchestrator.proto

export interface SummarizeTranscriptResponse {
  summary?: string;
  key_decisions?: string[];
  follow_up_tasks?: string[];
  method?: string;
}

export interface SummarizeTranscriptResponse__Output {
  summary: string;
  key_decisions: string[];
  follow_up_tasks: string[];
  method: string;
}
