// Original file: memory.proto

import type {
  MemorySource as _memory_MemorySource,
  MemorySource__Output as _memory_MemorySource__Output,
} from '../memory/MemorySource.ts';

export interface CommitMemoryRequest {
  content?: string;
  namespace?: string;
  twin_id?: string;
  domain?: string;
  memory_type?: string;
  source?: _memory_MemorySource | null;
  metadata?: { [key: string]: string };
  key?: string;
}

export interface CommitMemoryRequest__Output {
  content: string;
  namespace: string;
  twin_id: string;
  domain: string;
  memory_type: string;
  source: _memory_MemorySource__Output | null;
  metadata: { [key: string]: string };
  key: string;
}
