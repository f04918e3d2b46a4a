// Original file: memory.proto

import type { Memory as _memory_Memory, Memory__Output as _memory_Memory__Output } from '../memory/Memory.ts';

export interface ListMemoriesResponse {
  memories?: _memory_Memory[];
  next_page_token?: string;
  total?: number;
}

export interface ListMemoriesResponse__Output {
  memories: _memory_Memory__Output[];
  next_page_token: string;
  total: number;
}
