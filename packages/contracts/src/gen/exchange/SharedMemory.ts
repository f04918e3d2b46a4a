// Original file: exchange.proto

import type {
  RedactionCount as _exchange_RedactionCount,
  RedactionCount__Output as _exchange_RedactionCount__Output,
} from '../exchange/RedactionCount.ts';

export interface SharedMemory {
  origin_id?: string;
  content?: string;
  domain?: string;
  memory_type?: string;
  created_at_ms?: number | string;
  redactions?: _exchange_RedactionCount[];
}

export interface SharedMemory__Output {
  origin_id: string;
  content: string;
  domain: string;
  memory_type: string;
  created_at_ms: number;
  redactions: _exchange_RedactionCount__Output[];
}
