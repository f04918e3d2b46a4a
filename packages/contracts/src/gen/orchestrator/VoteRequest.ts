// Original file: orchestrator.proto

export interface VoteRequest {
  id?: string;
  vote?: string;
  reason?: string;
}

export interface VoteRequest__Output {
  id: string;
  vote: string;
  reason: string;
}
