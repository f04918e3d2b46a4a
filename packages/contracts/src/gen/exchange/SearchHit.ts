// Original file: exchange.proto

import type {
  SharedMemory as _exchange_SharedMemory,
  SharedMemory__Output as _exchange_SharedMemory__Output,
} from '../exchange/SharedMemory.ts';

export interface SearchHit {
  memory?: _exchange_SharedMemory | null;
  score?: number | string;
  topic?: string;
}

export interface SearchHit__Output {
  memory: _exchange_SharedMemory__Output | null;
  score: number;
  topic: string;
}
