// Original file: orchestrator.proto

export interface GetMeshStatusRequest {}

export interface GetMeshStatusRequest__Output {}
