// Original file: tools.proto

export interface HealthCheckResponse {
  status?: string;
  sandbox?: string;
  bwrap_available?: boolean;
  tool_count?: number;
}

export interface HealthCheckResponse__Output {
  status: string;
  sandbox: string;
  bwrap_available: boolean;
  tool_count: number;
}
