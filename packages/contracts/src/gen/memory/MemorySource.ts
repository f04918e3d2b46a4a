// Original file: memory.proto

export interface MemorySource {
  file?: string;
  chunk_index?: number;
  content_hash?: string;
}

export interface MemorySource__Output {
  file: string;
  chunk_index: number;
  content_hash: string;
}
