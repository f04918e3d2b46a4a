// Original file: consensus.proto

import type { Signed as _consensus_Signed, Signed__Output as _consensus_Signed__Output } from '../consensus/Signed.ts';

export interface DecisionBody {
  proposal?: _consensus_Signed | null;
  outcome?: string;
  votes?: _consensus_Signed[];
  decided_at_ms?: number | string;
}

export interface DecisionBody__Output {
  proposal: _consensus_Signed__Output | null;
  outcome: string;
  votes: _consensus_Signed__Output[];
  decided_at_ms: number;
}
