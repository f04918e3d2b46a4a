// Original file: orchestrator.proto

export interface SummarizeTranscriptRequest {
  transcript_text?: string;
}

export interface SummarizeTranscriptRequest__Output {
  transcript_text: string;
}
