// Original file: build.proto

export interface CreateToolRequest {
  tool_name?: string;
  tool_code?: string;
}

export interface CreateToolRequest__Output {
  tool_name: string;
  tool_code: string;
}
