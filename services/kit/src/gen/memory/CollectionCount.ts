// Original file: memory.proto

import type { Long } from '@grpc/proto-loader';

export interface CollectionCount {
  name?: string;
  count?: number | string | Long;
}

export interface CollectionCount__Output {
  name: string;
  count: number;
}
