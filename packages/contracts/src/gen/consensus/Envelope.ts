// Original file: consensus.proto

import type { Signed as _consensus_Signed, Signed__Output as _consensus_Signed__Output } from '../consensus/Signed.ts';

export interface Envelope {
  proposal?: _consensus_Signed | null;
  vote?: _consensus_Signed | null;
  decision?: _consensus_Signed | null;
  applied?: _consensus_Signed | null;
  item?: 'proposal' | 'vote' | 'decision' | 'applied';
}

export interface Envelope__Output {
  proposal?: _consensus_Signed__Output | null;
  vote?: _consensus_Signed__Output | null;
  decision?: _consensus_Signed__Output | null;
  applied?: _consensus_Signed__Output | null;
  item?: 'proposal' | 'vote' | 'decision' | 'applied';
}
