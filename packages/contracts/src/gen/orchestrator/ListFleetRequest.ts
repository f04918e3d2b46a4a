// Original file: orchestrator.proto

export interface ListFleetRequest {}

export interface ListFleetRequest__Output {}
