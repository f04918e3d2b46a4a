// Original file: tools.proto

export interface CheckToolResponse {
  allowed?: boolean;
  reason?: string;
  code?: string;
}

export interface CheckToolResponse__Output {
  allowed: boolean;
  reason: string;
  code: string;
}
