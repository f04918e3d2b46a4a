import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  CollectionCount as _memory_CollectionCount,
  CollectionCount__Output as _memory_CollectionCount__Output,
} from '@pagi/contracts/gen/memory/CollectionCount.ts';
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
  Memory as _memory_Memory,
  Memory__Output as _memory_Memory__Output,
} from '@pagi/contracts/gen/memory/Memory.ts';
import type {
  MemoryResult as _memory_MemoryResult,
  MemoryResult__Output as _memory_MemoryResult__Output,
} from '@pagi/contracts/gen/memory/MemoryResult.ts';
import type {
  MemorySource as _memory_MemorySource,
  MemorySource__Output as _memory_MemorySource__Output,
} from '@pagi/contracts/gen/memory/MemorySource.ts';
import type {
  QueryMemoryRequest as _memory_QueryMemoryRequest,
  QueryMemoryRequest__Output as _memory_QueryMemoryRequest__Output,
} from '@pagi/contracts/gen/memory/QueryMemoryRequest.ts';
import type {
  QueryMemoryResponse as _memory_QueryMemoryResponse,
  QueryMemoryResponse__Output as _memory_QueryMemoryResponse__Output,
} from '@pagi/contracts/gen/memory/QueryMemoryResponse.ts';
import type {
  QueryTimings as _memory_QueryTimings,
  QueryTimings__Output as _memory_QueryTimings__Output,
} from '@pagi/contracts/gen/memory/QueryTimings.ts';
import type {
  MemoryServiceClient as _memory_MemoryServiceClient,
  MemoryServiceDefinition as _memory_MemoryServiceDefinition,
} from './memory/MemoryService.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  memory: {
    CollectionCount: MessageTypeDefinition<_memory_CollectionCount, _memory_CollectionCount__Output>;
    CommitMemoriesRequest: MessageTypeDefinition<_memory_CommitMemoriesRequest, _memory_CommitMemoriesRequest__Output>;
    CommitMemoriesResponse: MessageTypeDefinition<
      _memory_CommitMemoriesResponse,
      _memory_CommitMemoriesResponse__Output
    >;
    CommitMemoryRequest: MessageTypeDefinition<_memory_CommitMemoryRequest, _memory_CommitMemoryRequest__Output>;
    CommitMemoryResponse: MessageTypeDefinition<_memory_CommitMemoryResponse, _memory_CommitMemoryResponse__Output>;
    DeleteMemoryRequest: MessageTypeDefinition<_memory_DeleteMemoryRequest, _memory_DeleteMemoryRequest__Output>;
    DeleteMemoryResponse: MessageTypeDefinition<_memory_DeleteMemoryResponse, _memory_DeleteMemoryResponse__Output>;
    HealthCheckRequest: MessageTypeDefinition<_memory_HealthCheckRequest, _memory_HealthCheckRequest__Output>;
    HealthCheckResponse: MessageTypeDefinition<_memory_HealthCheckResponse, _memory_HealthCheckResponse__Output>;
    ListMemoriesRequest: MessageTypeDefinition<_memory_ListMemoriesRequest, _memory_ListMemoriesRequest__Output>;
    ListMemoriesResponse: MessageTypeDefinition<_memory_ListMemoriesResponse, _memory_ListMemoriesResponse__Output>;
    Memory: MessageTypeDefinition<_memory_Memory, _memory_Memory__Output>;
    MemoryResult: MessageTypeDefinition<_memory_MemoryResult, _memory_MemoryResult__Output>;
    MemoryService: SubtypeConstructor<typeof grpc.Client, _memory_MemoryServiceClient> & {
      service: _memory_MemoryServiceDefinition;
    };
    MemorySource: MessageTypeDefinition<_memory_MemorySource, _memory_MemorySource__Output>;
    QueryMemoryRequest: MessageTypeDefinition<_memory_QueryMemoryRequest, _memory_QueryMemoryRequest__Output>;
    QueryMemoryResponse: MessageTypeDefinition<_memory_QueryMemoryResponse, _memory_QueryMemoryResponse__Output>;
    QueryTimings: MessageTypeDefinition<_memory_QueryTimings, _memory_QueryTimings__Output>;
  };
}
