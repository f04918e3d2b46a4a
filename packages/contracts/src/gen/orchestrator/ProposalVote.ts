// Original file: orchestrator.proto

export interface ProposalVote {
  voter?: string;
  voter_name?: string;
  vote?: string;
  reason?: string;
  signed_at_ms?: number | string;
  counted?: boolean;
}

export interface ProposalVote__Output {
  voter: string;
  voter_name: string;
  vote: string;
  reason: string;
  signed_at_ms: number;
  counted: boolean;
}
