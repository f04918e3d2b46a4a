// Original file: orchestrator.proto

export interface GetProposalRequest {
  id?: string;
}

export interface GetProposalRequest__Output {
  id: string;
}
