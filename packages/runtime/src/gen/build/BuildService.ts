// Original file: build.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  CreateToolRequest as _build_CreateToolRequest,
  CreateToolRequest__Output as _build_CreateToolRequest__Output,
} from '@pagi/contracts/gen/build/CreateToolRequest.ts';
import type {
  CreateToolResponse as _build_CreateToolResponse,
  CreateToolResponse__Output as _build_CreateToolResponse__Output,
} from '@pagi/contracts/gen/build/CreateToolResponse.ts';
import type {
  HealthCheckRequest as _build_HealthCheckRequest,
  HealthCheckRequest__Output as _build_HealthCheckRequest__Output,
} from '@pagi/contracts/gen/build/HealthCheckRequest.ts';
import type {
  HealthCheckResponse as _build_HealthCheckResponse,
  HealthCheckResponse__Output as _build_HealthCheckResponse__Output,
} from '@pagi/contracts/gen/build/HealthCheckResponse.ts';

export interface BuildServiceClient extends grpc.Client {
  CreateTool(
    argument: _build_CreateToolRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_build_CreateToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  CreateTool(
    argument: _build_CreateToolRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_build_CreateToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  CreateTool(
    argument: _build_CreateToolRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_build_CreateToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  CreateTool(
    argument: _build_CreateToolRequest,
    callback: grpc.requestCallback<_build_CreateToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  createTool(
    argument: _build_CreateToolRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_build_CreateToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  createTool(
    argument: _build_CreateToolRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_build_CreateToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  createTool(
    argument: _build_CreateToolRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_build_CreateToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  createTool(
    argument: _build_CreateToolRequest,
    callback: grpc.requestCallback<_build_CreateToolResponse__Output>,
  ): grpc.ClientUnaryCall;

  HealthCheck(
    argument: _build_HealthCheckRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_build_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _build_HealthCheckRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_build_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _build_HealthCheckRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_build_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _build_HealthCheckRequest,
    callback: grpc.requestCallback<_build_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _build_HealthCheckRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_build_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _build_HealthCheckRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_build_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _build_HealthCheckRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_build_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _build_HealthCheckRequest,
    callback: grpc.requestCallback<_build_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface BuildServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateTool: grpc.handleUnaryCall<_build_CreateToolRequest__Output, _build_CreateToolResponse>;

  HealthCheck: grpc.handleUnaryCall<_build_HealthCheckRequest__Output, _build_HealthCheckResponse>;
}

export interface BuildServiceDefinition extends grpc.ServiceDefinition {
  CreateTool: MethodDefinition<
    _build_CreateToolRequest,
    _build_CreateToolResponse,
    _build_CreateToolRequest__Output,
    _build_CreateToolResponse__Output
  >;
  HealthCheck: MethodDefinition<
    _build_HealthCheckRequest,
    _build_HealthCheckResponse,
    _build_HealthCheckRequest__Output,
    _build_HealthCheckResponse__Output
  >;
}
