// Original file: orchestrator.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  GetPromptHistoryRequest as _orchestrator_GetPromptHistoryRequest,
  GetPromptHistoryRequest__Output as _orchestrator_GetPromptHistoryRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetPromptHistoryRequest.ts';
import type {
  GetPromptHistoryResponse as _orchestrator_GetPromptHistoryResponse,
  GetPromptHistoryResponse__Output as _orchestrator_GetPromptHistoryResponse__Output,
} from '@pagi/contracts/gen/orchestrator/GetPromptHistoryResponse.ts';
import type {
  HealthCheckRequest as _orchestrator_HealthCheckRequest,
  HealthCheckRequest__Output as _orchestrator_HealthCheckRequest__Output,
} from '@pagi/contracts/gen/orchestrator/HealthCheckRequest.ts';
import type {
  HealthCheckResponse as _orchestrator_HealthCheckResponse,
  HealthCheckResponse__Output as _orchestrator_HealthCheckResponse__Output,
} from '@pagi/contracts/gen/orchestrator/HealthCheckResponse.ts';
import type {
  UpdateSystemPromptRequest as _orchestrator_UpdateSystemPromptRequest,
  UpdateSystemPromptRequest__Output as _orchestrator_UpdateSystemPromptRequest__Output,
} from '@pagi/contracts/gen/orchestrator/UpdateSystemPromptRequest.ts';
import type {
  UpdateSystemPromptResponse as _orchestrator_UpdateSystemPromptResponse,
  UpdateSystemPromptResponse__Output as _orchestrator_UpdateSystemPromptResponse__Output,
} from '@pagi/contracts/gen/orchestrator/UpdateSystemPromptResponse.ts';

export interface AdminServiceClient extends grpc.Client {
  GetPromptHistory(
    argument: _orchestrator_GetPromptHistoryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_GetPromptHistoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetPromptHistory(
    argument: _orchestrator_GetPromptHistoryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_GetPromptHistoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetPromptHistory(
    argument: _orchestrator_GetPromptHistoryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_GetPromptHistoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetPromptHistory(
    argument: _orchestrator_GetPromptHistoryRequest,
    callback: grpc.requestCallback<_orchestrator_GetPromptHistoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  getPromptHistory(
    argument: _orchestrator_GetPromptHistoryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_GetPromptHistoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  getPromptHistory(
    argument: _orchestrator_GetPromptHistoryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_GetPromptHistoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  getPromptHistory(
    argument: _orchestrator_GetPromptHistoryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_GetPromptHistoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  getPromptHistory(
    argument: _orchestrator_GetPromptHistoryRequest,
    callback: grpc.requestCallback<_orchestrator_GetPromptHistoryResponse__Output>,
  ): grpc.ClientUnaryCall;

  HealthCheck(
    argument: _orchestrator_HealthCheckRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _orchestrator_HealthCheckRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _orchestrator_HealthCheckRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _orchestrator_HealthCheckRequest,
    callback: grpc.requestCallback<_orchestrator_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _orchestrator_HealthCheckRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _orchestrator_HealthCheckRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _orchestrator_HealthCheckRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _orchestrator_HealthCheckRequest,
    callback: grpc.requestCallback<_orchestrator_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;

  UpdateSystemPrompt(
    argument: _orchestrator_UpdateSystemPromptRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_UpdateSystemPromptResponse__Output>,
  ): grpc.ClientUnaryCall;
  UpdateSystemPrompt(
    argument: _orchestrator_UpdateSystemPromptRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_UpdateSystemPromptResponse__Output>,
  ): grpc.ClientUnaryCall;
  UpdateSystemPrompt(
    argument: _orchestrator_UpdateSystemPromptRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_UpdateSystemPromptResponse__Output>,
  ): grpc.ClientUnaryCall;
  UpdateSystemPrompt(
    argument: _orchestrator_UpdateSystemPromptRequest,
    callback: grpc.requestCallback<_orchestrator_UpdateSystemPromptResponse__Output>,
  ): grpc.ClientUnaryCall;
  updateSystemPrompt(
    argument: _orchestrator_UpdateSystemPromptRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_UpdateSystemPromptResponse__Output>,
  ): grpc.ClientUnaryCall;
  updateSystemPrompt(
    argument: _orchestrator_UpdateSystemPromptRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_UpdateSystemPromptResponse__Output>,
  ): grpc.ClientUnaryCall;
  updateSystemPrompt(
    argument: _orchestrator_UpdateSystemPromptRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_UpdateSystemPromptResponse__Output>,
  ): grpc.ClientUnaryCall;
  updateSystemPrompt(
    argument: _orchestrator_UpdateSystemPromptRequest,
    callback: grpc.requestCallback<_orchestrator_UpdateSystemPromptResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface AdminServiceHandlers extends grpc.UntypedServiceImplementation {
  GetPromptHistory: grpc.handleUnaryCall<
    _orchestrator_GetPromptHistoryRequest__Output,
    _orchestrator_GetPromptHistoryResponse
  >;

  HealthCheck: grpc.handleUnaryCall<_orchestrator_HealthCheckRequest__Output, _orchestrator_HealthCheckResponse>;

  UpdateSystemPrompt: grpc.handleUnaryCall<
    _orchestrator_UpdateSystemPromptRequest__Output,
    _orchestrator_UpdateSystemPromptResponse
  >;
}

export interface AdminServiceDefinition extends grpc.ServiceDefinition {
  GetPromptHistory: MethodDefinition<
    _orchestrator_GetPromptHistoryRequest,
    _orchestrator_GetPromptHistoryResponse,
    _orchestrator_GetPromptHistoryRequest__Output,
    _orchestrator_GetPromptHistoryResponse__Output
  >;
  HealthCheck: MethodDefinition<
    _orchestrator_HealthCheckRequest,
    _orchestrator_HealthCheckResponse,
    _orchestrator_HealthCheckRequest__Output,
    _orchestrator_HealthCheckResponse__Output
  >;
  UpdateSystemPrompt: MethodDefinition<
    _orchestrator_UpdateSystemPromptRequest,
    _orchestrator_UpdateSystemPromptResponse,
    _orchestrator_UpdateSystemPromptRequest__Output,
    _orchestrator_UpdateSystemPromptResponse__Output
  >;
}
