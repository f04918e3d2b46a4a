// Original file: orchestrator.proto

export interface ListProposalsRequest {
  status?: string;
  limit?: number;
}

export interface ListProposalsRequest__Output {
  status: string;
  limit: number;
}
