// Original file: orchestrator.proto

export interface ListArtifactsRequest {
  kind?: string;
  target?: string;
}

export interface ListArtifactsRequest__Output {
  kind: string;
  target: string;
}
