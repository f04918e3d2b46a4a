// Original file: memory.proto

export interface CommitMemoriesResponse {
  memory_ids?: string[];
  committed?: number;
  success?: boolean;
}

export interface CommitMemoriesResponse__Output {
  memory_ids: string[];
  committed: number;
  success: boolean;
}
