// Original file: memory.proto

export interface DeleteMemoryRequest {
  memory_id?: string;
  namespace?: string;
  source_file?: string;
}

export interface DeleteMemoryRequest__Output {
  memory_id: string;
  namespace: string;
  source_file: string;
}
