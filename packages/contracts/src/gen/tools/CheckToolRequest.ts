// Original file: tools.proto

export interface CheckToolRequest {
  tool_name?: string;
  args?: string[];
  twin_id?: string;
}

export interface CheckToolRequest__Output {
  tool_name: string;
  args: string[];
  twin_id: string;
}
