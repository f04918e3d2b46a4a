// Original file: orchestrator.proto

export interface ProposeResponse {
  id?: string;
}

export interface ProposeResponse__Output {
  id: string;
}
