// Original file: consensus.proto

import type {
  ProposalState as _consensus_ProposalState,
  ProposalState__Output as _consensus_ProposalState__Output,
} from '../consensus/ProposalState.ts';

export interface SyncResponse {
  log_id?: string;
  next_seq?: number | string;
  more?: boolean;
  proposals?: _consensus_ProposalState[];
}

export interface SyncResponse__Output {
  log_id: string;
  next_seq: number;
  more: boolean;
  proposals: _consensus_ProposalState__Output[];
}
