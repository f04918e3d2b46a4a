// Original file: build.proto

export interface HealthCheckResponse {
  status?: string;
  compiler_version?: string;
  sandboxed?: boolean;
}

export interface HealthCheckResponse__Output {
  status: string;
  compiler_version: string;
  sandboxed: boolean;
}
