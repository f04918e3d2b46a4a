import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

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
import type {
  ToolInfo as _tools_ToolInfo,
  ToolInfo__Output as _tools_ToolInfo__Output,
} from '@pagi/contracts/gen/tools/ToolInfo.ts';
import type {
  ToolExecutorServiceClient as _tools_ToolExecutorServiceClient,
  ToolExecutorServiceDefinition as _tools_ToolExecutorServiceDefinition,
} from './tools/ToolExecutorService.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tools: {
    CheckToolRequest: MessageTypeDefinition<_tools_CheckToolRequest, _tools_CheckToolRequest__Output>;
    CheckToolResponse: MessageTypeDefinition<_tools_CheckToolResponse, _tools_CheckToolResponse__Output>;
    ExecuteToolRequest: MessageTypeDefinition<_tools_ExecuteToolRequest, _tools_ExecuteToolRequest__Output>;
    ExecuteToolResponse: MessageTypeDefinition<_tools_ExecuteToolResponse, _tools_ExecuteToolResponse__Output>;
    GetRunRequest: MessageTypeDefinition<_tools_GetRunRequest, _tools_GetRunRequest__Output>;
    GetRunResponse: MessageTypeDefinition<_tools_GetRunResponse, _tools_GetRunResponse__Output>;
    HealthCheckRequest: MessageTypeDefinition<_tools_HealthCheckRequest, _tools_HealthCheckRequest__Output>;
    HealthCheckResponse: MessageTypeDefinition<_tools_HealthCheckResponse, _tools_HealthCheckResponse__Output>;
    ListToolsRequest: MessageTypeDefinition<_tools_ListToolsRequest, _tools_ListToolsRequest__Output>;
    ListToolsResponse: MessageTypeDefinition<_tools_ListToolsResponse, _tools_ListToolsResponse__Output>;
    StopRunRequest: MessageTypeDefinition<_tools_StopRunRequest, _tools_StopRunRequest__Output>;
    StopRunResponse: MessageTypeDefinition<_tools_StopRunResponse, _tools_StopRunResponse__Output>;
    ToolExecutorService: SubtypeConstructor<typeof grpc.Client, _tools_ToolExecutorServiceClient> & {
      service: _tools_ToolExecutorServiceDefinition;
    };
    ToolInfo: MessageTypeDefinition<_tools_ToolInfo, _tools_ToolInfo__Output>;
  };
}
