// Original file: memory.proto

import type {
  CommitMemoryRequest as _memory_CommitMemoryRequest,
  CommitMemoryRequest__Output as _memory_CommitMemoryRequest__Output,
} from '../memory/CommitMemoryRequest.ts';

export interface CommitMemoriesRequest {
  memories?: _memory_CommitMemoryRequest[];
}

export interface CommitMemoriesRequest__Output {
  memories: _memory_CommitMemoryRequest__Output[];
}
