// Original file: tools.proto

export interface ToolInfo {
  name?: string;
  description?: string;
  kind?: string;
}

export interface ToolInfo__Output {
  name: string;
  description: string;
  kind: string;
}
