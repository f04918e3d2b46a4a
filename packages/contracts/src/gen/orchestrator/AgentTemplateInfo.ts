// Original file: orchestrator.proto

export interface AgentTemplateInfo {
  name?: string;
  description?: string;
  role?: string;
  tools?: string[];
  memory_domains?: string[];
  max_steps?: number;
  step_timeout_s?: number;
  timeout_s?: number;
  origin?: string;
  auto_approve?: string[];
}

export interface AgentTemplateInfo__Output {
  name: string;
  description: string;
  role: string;
  tools: string[];
  memory_domains: string[];
  max_steps: number;
  step_timeout_s: number;
  timeout_s: number;
  origin: string;
  auto_approve: string[];
}
