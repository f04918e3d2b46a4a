// Original file: orchestrator.proto

export interface ArtifactContent {
  version?: number;
  sha256?: string;
  content?: string;
}

export interface ArtifactContent__Output {
  version: number;
  sha256: string;
  content: string;
}
