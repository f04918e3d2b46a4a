// Original file: memory.proto

export interface DeleteMemoryResponse {
  success?: boolean;
  deleted?: number;
}

export interface DeleteMemoryResponse__Output {
  success: boolean;
  deleted: number;
}
