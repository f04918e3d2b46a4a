// Original file: orchestrator.proto

export interface WatchAgentRunsRequest {}

export interface WatchAgentRunsRequest__Output {}
