// Original file: memory.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  CommitMemoriesRequest as _memory_CommitMemoriesRequest,
  CommitMemoriesRequest__Output as _memory_CommitMemoriesRequest__Output,
} from '@pagi/contracts/gen/memory/CommitMemoriesRequest.ts';
import type {
  CommitMemoriesResponse as _memory_CommitMemoriesResponse,
  CommitMemoriesResponse__Output as _memory_CommitMemoriesResponse__Output,
} from '@pagi/contracts/gen/memory/CommitMemoriesResponse.ts';
import type {
  CommitMemoryRequest as _memory_CommitMemoryRequest,
  CommitMemoryRequest__Output as _memory_CommitMemoryRequest__Output,
} from '@pagi/contracts/gen/memory/CommitMemoryRequest.ts';
import type {
  CommitMemoryResponse as _memory_CommitMemoryResponse,
  CommitMemoryResponse__Output as _memory_CommitMemoryResponse__Output,
} from '@pagi/contracts/gen/memory/CommitMemoryResponse.ts';
import type {
  DeleteMemoryRequest as _memory_DeleteMemoryRequest,
  DeleteMemoryRequest__Output as _memory_DeleteMemoryRequest__Output,
} from '@pagi/contracts/gen/memory/DeleteMemoryRequest.ts';
import type {
  DeleteMemoryResponse as _memory_DeleteMemoryResponse,
  DeleteMemoryResponse__Output as _memory_DeleteMemoryResponse__Output,
} from '@pagi/contracts/gen/memory/DeleteMemoryResponse.ts';
import type {
  HealthCheckRequest as _memory_HealthCheckRequest,
  HealthCheckRequest__Output as _memory_HealthCheckRequest__Output,
} from '@pagi/contracts/gen/memory/HealthCheckRequest.ts';
import type {
  HealthCheckResponse as _memory_HealthCheckResponse,
  HealthCheckResponse__Output as _memory_HealthCheckResponse__Output,
} from '@pagi/contracts/gen/memory/HealthCheckResponse.ts';
import type {
  ListMemoriesRequest as _memory_ListMemoriesRequest,
  ListMemoriesRequest__Output as _memory_ListMemoriesRequest__Output,
} from '@pagi/contracts/gen/memory/ListMemoriesRequest.ts';
import type {
  ListMemoriesResponse as _memory_ListMemoriesResponse,
  ListMemoriesResponse__Output as _memory_ListMemoriesResponse__Output,
} from '@pagi/contracts/gen/memory/ListMemoriesResponse.ts';
import type {
  QueryMemoryRequest as _memory_QueryMemoryRequest,
  QueryMemoryRequest__Output as _memory_QueryMemoryRequest__Output,
} from '@pagi/contracts/gen/memory/QueryMemoryRequest.ts';
import type {
  QueryMemoryResponse as _memory_QueryMemoryResponse,
  QueryMemoryResponse__Output as _memory_QueryMemoryResponse__Output,
} from '@pagi/contracts/gen/memory/QueryMemoryResponse.ts';

export interface MemoryServiceClient extends grpc.Client {
  CommitMemories(
    argument: _memory_CommitMemoriesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_CommitMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  CommitMemories(
    argument: _memory_CommitMemoriesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_CommitMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  CommitMemories(
    argument: _memory_CommitMemoriesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_CommitMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  CommitMemories(
    argument: _memory_CommitMemoriesRequest,
    callback: grpc.requestCallback<_memory_CommitMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  commitMemories(
    argument: _memory_CommitMemoriesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_CommitMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  commitMemories(
    argument: _memory_CommitMemoriesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_CommitMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  commitMemories(
    argument: _memory_CommitMemoriesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_CommitMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  commitMemories(
    argument: _memory_CommitMemoriesRequest,
    callback: grpc.requestCallback<_memory_CommitMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;

  CommitMemory(
    argument: _memory_CommitMemoryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_CommitMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  CommitMemory(
    argument: _memory_CommitMemoryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_CommitMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  CommitMemory(
    argument: _memory_CommitMemoryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_CommitMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  CommitMemory(
    argument: _memory_CommitMemoryRequest,
    callback: grpc.requestCallback<_memory_CommitMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  commitMemory(
    argument: _memory_CommitMemoryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_CommitMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  commitMemory(
    argument: _memory_CommitMemoryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_CommitMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  commitMemory(
    argument: _memory_CommitMemoryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_CommitMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  commitMemory(
    argument: _memory_CommitMemoryRequest,
    callback: grpc.requestCallback<_memory_CommitMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;

  DeleteMemory(
    argument: _memory_DeleteMemoryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_DeleteMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteMemory(
    argument: _memory_DeleteMemoryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_DeleteMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteMemory(
    argument: _memory_DeleteMemoryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_DeleteMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteMemory(
    argument: _memory_DeleteMemoryRequest,
    callback: grpc.requestCallback<_memory_DeleteMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteMemory(
    argument: _memory_DeleteMemoryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_DeleteMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteMemory(
    argument: _memory_DeleteMemoryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_DeleteMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteMemory(
    argument: _memory_DeleteMemoryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_DeleteMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteMemory(
    argument: _memory_DeleteMemoryRequest,
    callback: grpc.requestCallback<_memory_DeleteMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;

  HealthCheck(
    argument: _memory_HealthCheckRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _memory_HealthCheckRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _memory_HealthCheckRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _memory_HealthCheckRequest,
    callback: grpc.requestCallback<_memory_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _memory_HealthCheckRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _memory_HealthCheckRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _memory_HealthCheckRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _memory_HealthCheckRequest,
    callback: grpc.requestCallback<_memory_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListMemories(
    argument: _memory_ListMemoriesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_ListMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListMemories(
    argument: _memory_ListMemoriesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_ListMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListMemories(
    argument: _memory_ListMemoriesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_ListMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListMemories(
    argument: _memory_ListMemoriesRequest,
    callback: grpc.requestCallback<_memory_ListMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listMemories(
    argument: _memory_ListMemoriesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_ListMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listMemories(
    argument: _memory_ListMemoriesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_ListMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listMemories(
    argument: _memory_ListMemoriesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_ListMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listMemories(
    argument: _memory_ListMemoriesRequest,
    callback: grpc.requestCallback<_memory_ListMemoriesResponse__Output>,
  ): grpc.ClientUnaryCall;

  QueryMemory(
    argument: _memory_QueryMemoryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_QueryMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  QueryMemory(
    argument: _memory_QueryMemoryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_QueryMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  QueryMemory(
    argument: _memory_QueryMemoryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_QueryMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  QueryMemory(
    argument: _memory_QueryMemoryRequest,
    callback: grpc.requestCallback<_memory_QueryMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  queryMemory(
    argument: _memory_QueryMemoryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_QueryMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  queryMemory(
    argument: _memory_QueryMemoryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_memory_QueryMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  queryMemory(
    argument: _memory_QueryMemoryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_memory_QueryMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
  queryMemory(
    argument: _memory_QueryMemoryRequest,
    callback: grpc.requestCallback<_memory_QueryMemoryResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface MemoryServiceHandlers extends grpc.UntypedServiceImplementation {
  CommitMemories: grpc.handleUnaryCall<_memory_CommitMemoriesRequest__Output, _memory_CommitMemoriesResponse>;

  CommitMemory: grpc.handleUnaryCall<_memory_CommitMemoryRequest__Output, _memory_CommitMemoryResponse>;

  DeleteMemory: grpc.handleUnaryCall<_memory_DeleteMemoryRequest__Output, _memory_DeleteMemoryResponse>;

  HealthCheck: grpc.handleUnaryCall<_memory_HealthCheckRequest__Output, _memory_HealthCheckResponse>;

  ListMemories: grpc.handleUnaryCall<_memory_ListMemoriesRequest__Output, _memory_ListMemoriesResponse>;

  QueryMemory: grpc.handleUnaryCall<_memory_QueryMemoryRequest__Output, _memory_QueryMemoryResponse>;
}

export interface MemoryServiceDefinition extends grpc.ServiceDefinition {
  CommitMemories: MethodDefinition<
    _memory_CommitMemoriesRequest,
    _memory_CommitMemoriesResponse,
    _memory_CommitMemoriesRequest__Output,
    _memory_CommitMemoriesResponse__Output
  >;
  CommitMemory: MethodDefinition<
    _memory_CommitMemoryRequest,
    _memory_CommitMemoryResponse,
    _memory_CommitMemoryRequest__Output,
    _memory_CommitMemoryResponse__Output
  >;
  DeleteMemory: MethodDefinition<
    _memory_DeleteMemoryRequest,
    _memory_DeleteMemoryResponse,
    _memory_DeleteMemoryRequest__Output,
    _memory_DeleteMemoryResponse__Output
  >;
  HealthCheck: MethodDefinition<
    _memory_HealthCheckRequest,
    _memory_HealthCheckResponse,
    _memory_HealthCheckRequest__Output,
    _memory_HealthCheckResponse__Output
  >;
  ListMemories: MethodDefinition<
    _memory_ListMemoriesRequest,
    _memory_ListMemoriesResponse,
    _memory_ListMemoriesRequest__Output,
    _memory_ListMemoriesResponse__Output
  >;
  QueryMemory: MethodDefinition<
    _memory_QueryMemoryRequest,
    _memory_QueryMemoryResponse,
    _memory_QueryMemoryRequest__Output,
    _memory_QueryMemoryResponse__Output
  >;
}
