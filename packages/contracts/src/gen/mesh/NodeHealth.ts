// Original file: mesh.proto

export interface NodeHealth {
  cpu?: number | string;
  memory?: number | string;
  memory_count?: number | string;
  ingestion_queue?: number;
  pending_approvals?: number;
}

export interface NodeHealth__Output {
  cpu: number;
  memory: number;
  memory_count: number;
  ingestion_queue: number;
  pending_approvals: number;
}
