// Original file: tools.proto

export interface ExecuteToolResponse {
  output?: string;
  stderr?: string;
  exit_code?: number;
  duration_ms?: number | string;
  truncated?: boolean;
  sandbox?: string;
  timed_out?: boolean;
  signal?: string;
}

export interface ExecuteToolResponse__Output {
  output: string;
  stderr: string;
  exit_code: number;
  duration_ms: number;
  truncated: boolean;
  sandbox: string;
  timed_out: boolean;
  signal: string;
}
