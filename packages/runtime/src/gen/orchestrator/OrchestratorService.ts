// Original file: orchestrator.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  SummarizeTranscriptRequest as _orchestrator_SummarizeTranscriptRequest,
  SummarizeTranscriptRequest__Output as _orchestrator_SummarizeTranscriptRequest__Output,
} from '@pagi/contracts/gen/orchestrator/SummarizeTranscriptRequest.ts';
import type {
  SummarizeTranscriptResponse as _orchestrator_SummarizeTranscriptResponse,
  SummarizeTranscriptResponse__Output as _orchestrator_SummarizeTranscriptResponse__Output,
} from '@pagi/contracts/gen/orchestrator/SummarizeTranscriptResponse.ts';

export interface OrchestratorServiceClient extends grpc.Client {
  SummarizeTranscript(
    argument: _orchestrator_SummarizeTranscriptRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_SummarizeTranscriptResponse__Output>,
  ): grpc.ClientUnaryCall;
  SummarizeTranscript(
    argument: _orchestrator_SummarizeTranscriptRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_SummarizeTranscriptResponse__Output>,
  ): grpc.ClientUnaryCall;
  SummarizeTranscript(
    argument: _orchestrator_SummarizeTranscriptRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_SummarizeTranscriptResponse__Output>,
  ): grpc.ClientUnaryCall;
  SummarizeTranscript(
    argument: _orchestrator_SummarizeTranscriptRequest,
    callback: grpc.requestCallback<_orchestrator_SummarizeTranscriptResponse__Output>,
  ): grpc.ClientUnaryCall;
  summarizeTranscript(
    argument: _orchestrator_SummarizeTranscriptRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_SummarizeTranscriptResponse__Output>,
  ): grpc.ClientUnaryCall;
  summarizeTranscript(
    argument: _orchestrator_SummarizeTranscriptRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_SummarizeTranscriptResponse__Output>,
  ): grpc.ClientUnaryCall;
  summarizeTranscript(
    argument: _orchestrator_SummarizeTranscriptRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_SummarizeTranscriptResponse__Output>,
  ): grpc.ClientUnaryCall;
  summarizeTranscript(
    argument: _orchestrator_SummarizeTranscriptRequest,
    callback: grpc.requestCallback<_orchestrator_SummarizeTranscriptResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface OrchestratorServiceHandlers extends grpc.UntypedServiceImplementation {
  SummarizeTranscript: grpc.handleUnaryCall<
    _orchestrator_SummarizeTranscriptRequest__Output,
    _orchestrator_SummarizeTranscriptResponse
  >;
}

export interface OrchestratorServiceDefinition extends grpc.ServiceDefinition {
  SummarizeTranscript: MethodDefinition<
    _orchestrator_SummarizeTranscriptRequest,
    _orchestrator_SummarizeTranscriptResponse,
    _orchestrator_SummarizeTranscriptRequest__Output,
    _orchestrator_SummarizeTranscriptResponse__Output
  >;
}
