// Original file: memory.proto

import type {
  MemorySource as _memory_MemorySource,
  MemorySource__Output as _memory_MemorySource__Output,
} from '../memory/MemorySource.ts';

export interface MemoryResult {
  id?: string;
  content?: string;
  domain?: string;
  score?: number | string;
  metadata?: { [key: string]: string };
  namespace?: string;
  twin_id?: string;
  memory_type?: string;
  source?: _memory_MemorySource | null;
  dense_score?: number | string;
  lexical_score?: number | string;
  created_at_ms?: number | string;
}

export interface MemoryResult__Output {
  id: string;
  content: string;
  domain: string;
  score: number;
  metadata: { [key: string]: string };
  namespace: string;
  twin_id: string;
  memory_type: string;
  source: _memory_MemorySource__Output | null;
  dense_score: number;
  lexical_score: number;
  created_at_ms: number;
}
