// Original file: memory.proto

export interface QueryTimings {
  embed_ms?: number | string;
  search_ms?: number | string;
}

export interface QueryTimings__Output {
  embed_ms: number;
  search_ms: number;
}
