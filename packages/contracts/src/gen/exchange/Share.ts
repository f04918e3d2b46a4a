// Original file: exchange.proto

import type {
  SharedMemory as _exchange_SharedMemory,
  SharedMemory__Output as _exchange_SharedMemory__Output,
} from '../exchange/SharedMemory.ts';

export interface Share {
  topic?: string;
  memories?: _exchange_SharedMemory[];
}

export interface Share__Output {
  topic: string;
  memories: _exchange_SharedMemory__Output[];
}
