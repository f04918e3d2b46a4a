// Original file: memory.proto

export interface HealthCheckRequest {}

export interface HealthCheckRequest__Output {}
