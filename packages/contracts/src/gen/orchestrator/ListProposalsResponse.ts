// Original file: orchestrator.proto

import type {
  ProposalSummary as _orchestrator_ProposalSummary,
  ProposalSummary__Output as _orchestrator_ProposalSummary__Output,
} from '../orchestrator/ProposalSummary.ts';

export interface ListProposalsResponse {
  proposals?: _orchestrator_ProposalSummary[];
}

export interface ListProposalsResponse__Output {
  proposals: _orchestrator_ProposalSummary__Output[];
}
