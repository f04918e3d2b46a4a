// Original file: tools.proto

export interface ExecuteToolRequest {
  tool_name?: string;
  args?: string[];
  twin_id?: string;
  timeout_ms?: number;
  stdin?: string;
  run_id?: string;
}

export interface ExecuteToolRequest__Output {
  tool_name: string;
  args: string[];
  twin_id: string;
  timeout_ms: number;
  stdin: string;
  run_id: string;
}
