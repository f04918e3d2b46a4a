// Original file: orchestrator.proto

export interface ProposalApplication {
  peer?: string;
  peer_name?: string;
  outcome?: string;
  version?: number;
  reason?: string;
  at_ms?: number | string;
}

export interface ProposalApplication__Output {
  peer: string;
  peer_name: string;
  outcome: string;
  version: number;
  reason: string;
  at_ms: number;
}
