// Original file: orchestrator.proto

import type {
  PromptVersion as _orchestrator_PromptVersion,
  PromptVersion__Output as _orchestrator_PromptVersion__Output,
} from '../orchestrator/PromptVersion.ts';

export interface GetPromptHistoryResponse {
  versions?: _orchestrator_PromptVersion[];
  current_version?: number;
}

export interface GetPromptHistoryResponse__Output {
  versions: _orchestrator_PromptVersion__Output[];
  current_version: number;
}
