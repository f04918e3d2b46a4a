// Original file: consensus.proto

export interface ProposalBody {
  kind?: string;
  target?: string;
  payload?: Buffer | Uint8Array | string;
  payload_sha256?: string;
  base_version?: number | string;
  base_sha256?: string;
  proposer?: string;
  reason?: string;
  created_at_ms?: number | string;
  deadline_ms?: number | string;
  voters?: string[];
  quorum?: number;
}

export interface ProposalBody__Output {
  kind: string;
  target: string;
  payload: Buffer;
  payload_sha256: string;
  base_version: number;
  base_sha256: string;
  proposer: string;
  reason: string;
  created_at_ms: number;
  deadline_ms: number;
  voters: string[];
  quorum: number;
}
