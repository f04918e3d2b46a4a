// Original file: orchestrator.proto

export interface HealthCheckRequest {}

export interface HealthCheckRequest__Output {}
