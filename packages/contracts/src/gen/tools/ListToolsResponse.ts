// Original file: tools.proto

import type { ToolInfo as _tools_ToolInfo, ToolInfo__Output as _tools_ToolInfo__Output } from '../tools/ToolInfo.ts';

export interface ListToolsResponse {
  tools?: _tools_ToolInfo[];
}

export interface ListToolsResponse__Output {
  tools: _tools_ToolInfo__Output[];
}
