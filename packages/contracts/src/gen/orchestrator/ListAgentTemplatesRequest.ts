// Original file: orchestrator.proto

export interface ListAgentTemplatesRequest {}

export interface ListAgentTemplatesRequest__Output {}
