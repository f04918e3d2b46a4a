// Original file: orchestrator.proto

import type {
  ArtifactContent as _orchestrator_ArtifactContent,
  ArtifactContent__Output as _orchestrator_ArtifactContent__Output,
} from '../orchestrator/ArtifactContent.ts';
import type {
  Equivocation as _orchestrator_Equivocation,
  Equivocation__Output as _orchestrator_Equivocation__Output,
} from '../orchestrator/Equivocation.ts';
import type {
  ProposalApplication as _orchestrator_ProposalApplication,
  ProposalApplication__Output as _orchestrator_ProposalApplication__Output,
} from '../orchestrator/ProposalApplication.ts';
import type {
  ProposalTally as _orchestrator_ProposalTally,
  ProposalTally__Output as _orchestrator_ProposalTally__Output,
} from '../orchestrator/ProposalTally.ts';
import type {
  ProposalVote as _orchestrator_ProposalVote,
  ProposalVote__Output as _orchestrator_ProposalVote__Output,
} from '../orchestrator/ProposalVote.ts';
import type {
  ProposalVoter as _orchestrator_ProposalVoter,
  ProposalVoter__Output as _orchestrator_ProposalVoter__Output,
} from '../orchestrator/ProposalVoter.ts';

export interface ProposalDetail {
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
  payload?: string;
  payload_sha256?: string;
  base_version?: number;
  base_sha256?: string;
  current?: _orchestrator_ArtifactContent | null;
  voters?: _orchestrator_ProposalVoter[];
  decided_at_ms?: number | string;
  votes?: _orchestrator_ProposalVote[];
  applied?: { [key: string]: boolean };
  applications?: _orchestrator_ProposalApplication[];
  equivocations?: _orchestrator_Equivocation[];
  can_vote?: boolean;
  vote_blocked?: string;
}

export interface ProposalDetail__Output {
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
  payload: string;
  payload_sha256: string;
  base_version: number;
  base_sha256: string;
  current: _orchestrator_ArtifactContent__Output | null;
  voters: _orchestrator_ProposalVoter__Output[];
  decided_at_ms: number;
  votes: _orchestrator_ProposalVote__Output[];
  applied: { [key: string]: boolean };
  applications: _orchestrator_ProposalApplication__Output[];
  equivocations: _orchestrator_Equivocation__Output[];
  can_vote: boolean;
  vote_blocked: string;
}
