// Original file: build.proto

export interface CreateToolResponse {
  stdout?: string;
  stderr?: string;
  exit_code?: number;
  installed_tool?: string;
  source_hash?: string;
  duration_ms?: number | string;
  compiler_version?: string;
}

export interface CreateToolResponse__Output {
  stdout: string;
  stderr: string;
  exit_code: number;
  installed_tool: string;
  source_hash: string;
  duration_ms: number;
  compiler_version: string;
}
