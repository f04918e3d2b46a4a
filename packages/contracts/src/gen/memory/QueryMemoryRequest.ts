// Original file: memory.proto

export interface QueryMemoryRequest {
  query?: string;
  namespace?: string;
  top_k?: number;
  domains?: string[];
  twin_id?: string;
}

export interface QueryMemoryRequest__Output {
  query: string;
  namespace: string;
  top_k: number;
  domains: string[];
  twin_id: string;
}
