// Original file: consensus.proto

export interface VoteBody {
  proposal_id?: string;
  voter?: string;
  accept?: boolean;
  reason?: string;
  signed_at_ms?: number | string;
}

export interface VoteBody__Output {
  proposal_id: string;
  voter: string;
  accept: boolean;
  reason: string;
  signed_at_ms: number;
}
