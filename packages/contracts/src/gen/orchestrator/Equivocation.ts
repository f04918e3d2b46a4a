// Original file: orchestrator.proto

export interface Equivocation {
  voter?: string;
  at_ms?: number | string;
}

export interface Equivocation__Output {
  voter: string;
  at_ms: number;
}
