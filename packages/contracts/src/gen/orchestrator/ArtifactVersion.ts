// Original file: orchestrator.proto

export interface ArtifactVersion {
  kind?: string;
  target?: string;
  version?: number;
  sha256?: string;
  content?: string;
  proposal_id?: string;
  applied_at_ms?: number | string;
}

export interface ArtifactVersion__Output {
  kind: string;
  target: string;
  version: number;
  sha256: string;
  content: string;
  proposal_id: string;
  applied_at_ms: number;
}
