// Original file: consensus.proto

import type { Signed as _consensus_Signed, Signed__Output as _consensus_Signed__Output } from '../consensus/Signed.ts';

export interface ProposalState {
  proposal?: _consensus_Signed | null;
  votes?: _consensus_Signed[];
  decision?: _consensus_Signed | null;
  applied?: _consensus_Signed[];
}

export interface ProposalState__Output {
  proposal: _consensus_Signed__Output | null;
  votes: _consensus_Signed__Output[];
  decision: _consensus_Signed__Output | null;
  applied: _consensus_Signed__Output[];
}
