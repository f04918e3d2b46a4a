// Original file: orchestrator.proto

import type {
  ProposalTally as _orchestrator_ProposalTally,
  ProposalTally__Output as _orchestrator_ProposalTally__Output,
} from '../orchestrator/ProposalTally.ts';

export interface ProposalSummary {
  id?: string;
  kind?: string;
  target?: string;
  proposer?: string;
  proposer_name?: string;
  reason?: string;
  created_at_ms?: number | string;
  deadline_ms?: number | string;
  status?: string;
  tally?: _orchestrator_ProposalTally | null;
  my_vote?: string;
}

export interface ProposalSummary__Output {
  id: string;
  kind: string;
  target: string;
  proposer: string;
  proposer_name: string;
  reason: string;
  created_at_ms: number;
  deadline_ms: number;
  status: string;
  tally: _orchestrator_ProposalTally__Output | null;
  my_vote: string;
}
