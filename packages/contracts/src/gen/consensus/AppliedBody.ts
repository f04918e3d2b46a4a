// Original file: consensus.proto

export interface AppliedBody {
  proposal_id?: string;
  peer?: string;
  outcome?: string;
  version?: number | string;
  reason?: string;
  at_ms?: number | string;
}

export interface AppliedBody__Output {
  proposal_id: string;
  peer: string;
  outcome: string;
  version: number;
  reason: string;
  at_ms: number;
}
