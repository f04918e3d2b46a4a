// Original file: build.proto

export interface HealthCheckRequest {}

export interface HealthCheckRequest__Output {}
