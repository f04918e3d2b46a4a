// Original file: tools.proto

import type {
  ExecuteToolResponse as _tools_ExecuteToolResponse,
  ExecuteToolResponse__Output as _tools_ExecuteToolResponse__Output,
} from '../tools/ExecuteToolResponse.ts';

export interface GetRunResponse {
  state?: string;
  result?: _tools_ExecuteToolResponse | null;
}

export interface GetRunResponse__Output {
  state: string;
  result: _tools_ExecuteToolResponse__Output | null;
}
