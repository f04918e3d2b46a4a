// Original file: memory.proto

export interface ListMemoriesRequest {
  namespace?: string;
  limit?: number;
  page_token?: string;
  include_vectors?: boolean;
  domains?: string[];
  twin_id?: string;
  source_file?: string;
}

export interface ListMemoriesRequest__Output {
  namespace: string;
  limit: number;
  page_token: string;
  include_vectors: boolean;
  domains: string[];
  twin_id: string;
  source_file: string;
}
