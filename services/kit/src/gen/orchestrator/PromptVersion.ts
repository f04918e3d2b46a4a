// Original file: orchestrator.proto

import type { Long } from '@grpc/proto-loader';

export interface PromptVersion {
  version?: number;
  prompt?: string;
  author?: string;
  reason?: string;
  created_at_ms?: number | string | Long;
}

export interface PromptVersion__Output {
  version: number;
  prompt: string;
  author: string;
  reason: string;
  created_at_ms: number;
}
