// Original file: orchestrator.proto

export interface ProposalTally {
  accept?: number;
  reject?: number;
  needed?: number;
  voters?: number;
}

export interface ProposalTally__Output {
  accept: number;
  reject: number;
  needed: number;
  voters: number;
}
