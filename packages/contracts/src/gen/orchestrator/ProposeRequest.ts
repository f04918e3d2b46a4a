// Original file: orchestrator.proto

export interface ProposeRequest {
  kind?: string;
  target?: string;
  payload?: string;
  rollback_to?: number;
  reason?: string;
  deadline_s?: number;
  content?: 'payload' | 'rollback_to';
}

export interface ProposeRequest__Output {
  kind: string;
  target: string;
  payload?: string;
  rollback_to?: number;
  reason: string;
  deadline_s: number;
  content?: 'payload' | 'rollback_to';
}
