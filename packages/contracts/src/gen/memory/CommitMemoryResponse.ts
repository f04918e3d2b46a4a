// Original file: memory.proto

export interface CommitMemoryResponse {
  memory_id?: string;
  success?: boolean;
}

export interface CommitMemoryResponse__Output {
  memory_id: string;
  success: boolean;
}
