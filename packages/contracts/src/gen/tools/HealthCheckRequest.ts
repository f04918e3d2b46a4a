// Original file: tools.proto

export interface HealthCheckRequest {}

export interface HealthCheckRequest__Output {}
