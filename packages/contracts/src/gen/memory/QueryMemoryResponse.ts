// Original file: memory.proto

import type {
  MemoryResult as _memory_MemoryResult,
  MemoryResult__Output as _memory_MemoryResult__Output,
} from '../memory/MemoryResult.ts';
import type {
  QueryTimings as _memory_QueryTimings,
  QueryTimings__Output as _memory_QueryTimings__Output,
} from '../memory/QueryTimings.ts';

export interface QueryMemoryResponse {
  results?: _memory_MemoryResult[];
  total?: number;
  timings?: _memory_QueryTimings | null;
  embedder?: string;
}

export interface QueryMemoryResponse__Output {
  results: _memory_MemoryResult__Output[];
  total: number;
  timings: _memory_QueryTimings__Output | null;
  embedder: string;
}
