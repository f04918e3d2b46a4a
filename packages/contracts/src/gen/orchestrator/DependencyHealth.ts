// Original file: orchestrator.proto

export interface DependencyHealth {
  name?: string;
  status?: string;
  latency_ms?: number | string;
}

export interface DependencyHealth__Output {
  name: string;
  status: string;
  latency_ms: number;
}
