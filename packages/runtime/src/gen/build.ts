import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';
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
import type {
  BuildServiceClient as _build_BuildServiceClient,
  BuildServiceDefinition as _build_BuildServiceDefinition,
} from './build/BuildService.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  build: {
    BuildService: SubtypeConstructor<typeof grpc.Client, _build_BuildServiceClient> & {
      service: _build_BuildServiceDefinition;
    };
    CreateToolRequest: MessageTypeDefinition<_build_CreateToolRequest, _build_CreateToolRequest__Output>;
    CreateToolResponse: MessageTypeDefinition<_build_CreateToolResponse, _build_CreateToolResponse__Output>;
    HealthCheckRequest: MessageTypeDefinition<_build_HealthCheckRequest, _build_HealthCheckRequest__Output>;
    HealthCheckResponse: MessageTypeDefinition<_build_HealthCheckResponse, _build_HealthCheckResponse__Output>;
  };
}
