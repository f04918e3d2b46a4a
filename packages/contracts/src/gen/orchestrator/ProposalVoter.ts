// Original file: orchestrator.proto

export interface ProposalVoter {
  peer_id?: string;
  name?: string;
}

export interface ProposalVoter__Output {
  peer_id: string;
  name: string;
}
