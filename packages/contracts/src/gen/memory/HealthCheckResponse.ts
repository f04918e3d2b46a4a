// Original file: memory.proto

import type {
  CollectionCount as _memory_CollectionCount,
  CollectionCount__Output as _memory_CollectionCount__Output,
} from '../memory/CollectionCount.ts';

export interface HealthCheckResponse {
  status?: string;
  store_backend?: string;
  embedder?: string;
  embedding_model?: string;
  embedding_dim?: number;
  collections?: _memory_CollectionCount[];
  detail?: string;
}

export interface HealthCheckResponse__Output {
  status: string;
  store_backend: string;
  embedder: string;
  embedding_model: string;
  embedding_dim: number;
  collections: _memory_CollectionCount__Output[];
  detail: string;
}
