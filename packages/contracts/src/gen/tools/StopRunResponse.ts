// Original file: tools.proto

export interface StopRunResponse {
  stopped?: boolean;
  state?: string;
}

export interface StopRunResponse__Output {
  stopped: boolean;
  state: string;
}
