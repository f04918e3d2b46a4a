// Original file: tools.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  CheckToolRequest as _tools_CheckToolRequest,
  CheckToolRequest__Output as _tools_CheckToolRequest__Output,
} from '@pagi/contracts/gen/tools/CheckToolRequest.ts';
import type {
  CheckToolResponse as _tools_CheckToolResponse,
  CheckToolResponse__Output as _tools_CheckToolResponse__Output,
} from '@pagi/contracts/gen/tools/CheckToolResponse.ts';
import type {
  ExecuteToolRequest as _tools_ExecuteToolRequest,
  ExecuteToolRequest__Output as _tools_ExecuteToolRequest__Output,
} from '@pagi/contracts/gen/tools/ExecuteToolRequest.ts';
import type {
  ExecuteToolResponse as _tools_ExecuteToolResponse,
  ExecuteToolResponse__Output as _tools_ExecuteToolResponse__Output,
} from '@pagi/contracts/gen/tools/ExecuteToolResponse.ts';
import type {
  GetRunRequest as _tools_GetRunRequest,
  GetRunRequest__Output as _tools_GetRunRequest__Output,
} from '@pagi/contracts/gen/tools/GetRunRequest.ts';
import type {
  GetRunResponse as _tools_GetRunResponse,
  GetRunResponse__Output as _tools_GetRunResponse__Output,
} from '@pagi/contracts/gen/tools/GetRunResponse.ts';
import type {
  HealthCheckRequest as _tools_HealthCheckRequest,
  HealthCheckRequest__Output as _tools_HealthCheckRequest__Output,
} from '@pagi/contracts/gen/tools/HealthCheckRequest.ts';
import type {
  HealthCheckResponse as _tools_HealthCheckResponse,
  HealthCheckResponse__Output as _tools_HealthCheckResponse__Output,
} from '@pagi/contracts/gen/tools/HealthCheckResponse.ts';
import type {
  ListToolsRequest as _tools_ListToolsRequest,
  ListToolsRequest__Output as _tools_ListToolsRequest__Output,
} from '@pagi/contracts/gen/tools/ListToolsRequest.ts';
import type {
  ListToolsResponse as _tools_ListToolsResponse,
  ListToolsResponse__Output as _tools_ListToolsResponse__Output,
} from '@pagi/contracts/gen/tools/ListToolsResponse.ts';
import type {
  StopRunRequest as _tools_StopRunRequest,
  StopRunRequest__Output as _tools_StopRunRequest__Output,
} from '@pagi/contracts/gen/tools/StopRunRequest.ts';
import type {
  StopRunResponse as _tools_StopRunResponse,
  StopRunResponse__Output as _tools_StopRunResponse__Output,
} from '@pagi/contracts/gen/tools/StopRunResponse.ts';

export interface ToolExecutorServiceClient extends grpc.Client {
  CheckTool(
    argument: _tools_CheckToolRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_CheckToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  CheckTool(
    argument: _tools_CheckToolRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_CheckToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  CheckTool(
    argument: _tools_CheckToolRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_CheckToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  CheckTool(
    argument: _tools_CheckToolRequest,
    callback: grpc.requestCallback<_tools_CheckToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  checkTool(
    argument: _tools_CheckToolRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_CheckToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  checkTool(
    argument: _tools_CheckToolRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_CheckToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  checkTool(
    argument: _tools_CheckToolRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_CheckToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  checkTool(
    argument: _tools_CheckToolRequest,
    callback: grpc.requestCallback<_tools_CheckToolResponse__Output>,
  ): grpc.ClientUnaryCall;

  ExecuteTool(
    argument: _tools_ExecuteToolRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_ExecuteToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  ExecuteTool(
    argument: _tools_ExecuteToolRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_ExecuteToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  ExecuteTool(
    argument: _tools_ExecuteToolRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_ExecuteToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  ExecuteTool(
    argument: _tools_ExecuteToolRequest,
    callback: grpc.requestCallback<_tools_ExecuteToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  executeTool(
    argument: _tools_ExecuteToolRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_ExecuteToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  executeTool(
    argument: _tools_ExecuteToolRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_ExecuteToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  executeTool(
    argument: _tools_ExecuteToolRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_ExecuteToolResponse__Output>,
  ): grpc.ClientUnaryCall;
  executeTool(
    argument: _tools_ExecuteToolRequest,
    callback: grpc.requestCallback<_tools_ExecuteToolResponse__Output>,
  ): grpc.ClientUnaryCall;

  GetRun(
    argument: _tools_GetRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_GetRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetRun(
    argument: _tools_GetRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_GetRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetRun(
    argument: _tools_GetRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_GetRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetRun(
    argument: _tools_GetRunRequest,
    callback: grpc.requestCallback<_tools_GetRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  getRun(
    argument: _tools_GetRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_GetRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  getRun(
    argument: _tools_GetRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_GetRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  getRun(
    argument: _tools_GetRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_GetRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  getRun(
    argument: _tools_GetRunRequest,
    callback: grpc.requestCallback<_tools_GetRunResponse__Output>,
  ): grpc.ClientUnaryCall;

  HealthCheck(
    argument: _tools_HealthCheckRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _tools_HealthCheckRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _tools_HealthCheckRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  HealthCheck(
    argument: _tools_HealthCheckRequest,
    callback: grpc.requestCallback<_tools_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _tools_HealthCheckRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _tools_HealthCheckRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _tools_HealthCheckRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;
  healthCheck(
    argument: _tools_HealthCheckRequest,
    callback: grpc.requestCallback<_tools_HealthCheckResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListTools(
    argument: _tools_ListToolsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_ListToolsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTools(
    argument: _tools_ListToolsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_ListToolsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTools(
    argument: _tools_ListToolsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_ListToolsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTools(
    argument: _tools_ListToolsRequest,
    callback: grpc.requestCallback<_tools_ListToolsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTools(
    argument: _tools_ListToolsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_ListToolsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTools(
    argument: _tools_ListToolsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_ListToolsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTools(
    argument: _tools_ListToolsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_ListToolsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTools(
    argument: _tools_ListToolsRequest,
    callback: grpc.requestCallback<_tools_ListToolsResponse__Output>,
  ): grpc.ClientUnaryCall;

  StopRun(
    argument: _tools_StopRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_StopRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  StopRun(
    argument: _tools_StopRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_StopRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  StopRun(
    argument: _tools_StopRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_StopRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  StopRun(
    argument: _tools_StopRunRequest,
    callback: grpc.requestCallback<_tools_StopRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  stopRun(
    argument: _tools_StopRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_StopRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  stopRun(
    argument: _tools_StopRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_tools_StopRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  stopRun(
    argument: _tools_StopRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_tools_StopRunResponse__Output>,
  ): grpc.ClientUnaryCall;
  stopRun(
    argument: _tools_StopRunRequest,
    callback: grpc.requestCallback<_tools_StopRunResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface ToolExecutorServiceHandlers extends grpc.UntypedServiceImplementation {
  CheckTool: grpc.handleUnaryCall<_tools_CheckToolRequest__Output, _tools_CheckToolResponse>;

  ExecuteTool: grpc.handleUnaryCall<_tools_ExecuteToolRequest__Output, _tools_ExecuteToolResponse>;

  GetRun: grpc.handleUnaryCall<_tools_GetRunRequest__Output, _tools_GetRunResponse>;

  HealthCheck: grpc.handleUnaryCall<_tools_HealthCheckRequest__Output, _tools_HealthCheckResponse>;

  ListTools: grpc.handleUnaryCall<_tools_ListToolsRequest__Output, _tools_ListToolsResponse>;

  StopRun: grpc.handleUnaryCall<_tools_StopRunRequest__Output, _tools_StopRunResponse>;
}

export interface ToolExecutorServiceDefinition extends grpc.ServiceDefinition {
  CheckTool: MethodDefinition<
    _tools_CheckToolRequest,
    _tools_CheckToolResponse,
    _tools_CheckToolRequest__Output,
    _tools_CheckToolResponse__Output
  >;
  ExecuteTool: MethodDefinition<
    _tools_ExecuteToolRequest,
    _tools_ExecuteToolResponse,
    _tools_ExecuteToolRequest__Output,
    _tools_ExecuteToolResponse__Output
  >;
  GetRun: MethodDefinition<
    _tools_GetRunRequest,
    _tools_GetRunResponse,
    _tools_GetRunRequest__Output,
    _tools_GetRunResponse__Output
  >;
  HealthCheck: MethodDefinition<
    _tools_HealthCheckRequest,
    _tools_HealthCheckResponse,
    _tools_HealthCheckRequest__Output,
    _tools_HealthCheckResponse__Output
  >;
  ListTools: MethodDefinition<
    _tools_ListToolsRequest,
    _tools_ListToolsResponse,
    _tools_ListToolsRequest__Output,
    _tools_ListToolsResponse__Output
  >;
  StopRun: MethodDefinition<
    _tools_StopRunRequest,
    _tools_StopRunResponse,
    _tools_StopRunRequest__Output,
    _tools_StopRunResponse__Output
  >;
}
