// Original file: memory.proto

import type {
  MemorySource as _memory_MemorySource,
  MemorySource__Output as _memory_MemorySource__Output,
} from '../memory/MemorySource.ts';

export interface Memory {
  id?: string;
  content?: string;
  namespace?: string;
  twin_id?: string;
  domain?: string;
  memory_type?: string;
  source?: _memory_MemorySource | null;
  metadata?: { [key: string]: string };
  created_at_ms?: number | string;
  updated_at_ms?: number | string;
  vector?: (number | string)[];
}

export interface Memory__Output {
  id: string;
  content: string;
  namespace: string;
  twin_id: string;
  domain: string;
  memory_type: string;
  source: _memory_MemorySource__Output | null;
  metadata: { [key: string]: string };
  created_at_ms: number;
  updated_at_ms: number;
  vector: number[];
}
