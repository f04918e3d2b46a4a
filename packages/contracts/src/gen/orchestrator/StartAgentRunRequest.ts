// Original file: orchestrator.proto

export interface StartAgentRunRequest {
  template?: string;
  goal?: string;
  parent_run_id?: string;
  twin_id?: string;
}

export interface StartAgentRunRequest__Output {
  template: string;
  goal: string;
  parent_run_id: string;
  twin_id: string;
}
