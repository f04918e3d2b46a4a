import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';
import type {
  DependencyHealth as _orchestrator_DependencyHealth,
  DependencyHealth__Output as _orchestrator_DependencyHealth__Output,
} from '@pagi/contracts/gen/orchestrator/DependencyHealth.ts';
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
  PromptVersion as _orchestrator_PromptVersion,
  PromptVersion__Output as _orchestrator_PromptVersion__Output,
} from '@pagi/contracts/gen/orchestrator/PromptVersion.ts';
import type {
  SummarizeTranscriptRequest as _orchestrator_SummarizeTranscriptRequest,
  SummarizeTranscriptRequest__Output as _orchestrator_SummarizeTranscriptRequest__Output,
} from '@pagi/contracts/gen/orchestrator/SummarizeTranscriptRequest.ts';
import type {
  SummarizeTranscriptResponse as _orchestrator_SummarizeTranscriptResponse,
  SummarizeTranscriptResponse__Output as _orchestrator_SummarizeTranscriptResponse__Output,
} from '@pagi/contracts/gen/orchestrator/SummarizeTranscriptResponse.ts';
import type {
  UpdateSystemPromptRequest as _orchestrator_UpdateSystemPromptRequest,
  UpdateSystemPromptRequest__Output as _orchestrator_UpdateSystemPromptRequest__Output,
} from '@pagi/contracts/gen/orchestrator/UpdateSystemPromptRequest.ts';
import type {
  UpdateSystemPromptResponse as _orchestrator_UpdateSystemPromptResponse,
  UpdateSystemPromptResponse__Output as _orchestrator_UpdateSystemPromptResponse__Output,
} from '@pagi/contracts/gen/orchestrator/UpdateSystemPromptResponse.ts';
import type {
  AdminServiceClient as _orchestrator_AdminServiceClient,
  AdminServiceDefinition as _orchestrator_AdminServiceDefinition,
} from './orchestrator/AdminService.ts';
import type {
  OrchestratorServiceClient as _orchestrator_OrchestratorServiceClient,
  OrchestratorServiceDefinition as _orchestrator_OrchestratorServiceDefinition,
} from './orchestrator/OrchestratorService.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  orchestrator: {
    AdminService: SubtypeConstructor<typeof grpc.Client, _orchestrator_AdminServiceClient> & {
      service: _orchestrator_AdminServiceDefinition;
    };
    DependencyHealth: MessageTypeDefinition<_orchestrator_DependencyHealth, _orchestrator_DependencyHealth__Output>;
    GetPromptHistoryRequest: MessageTypeDefinition<
      _orchestrator_GetPromptHistoryRequest,
      _orchestrator_GetPromptHistoryRequest__Output
    >;
    GetPromptHistoryResponse: MessageTypeDefinition<
      _orchestrator_GetPromptHistoryResponse,
      _orchestrator_GetPromptHistoryResponse__Output
    >;
    HealthCheckRequest: MessageTypeDefinition<
      _orchestrator_HealthCheckRequest,
      _orchestrator_HealthCheckRequest__Output
    >;
    HealthCheckResponse: MessageTypeDefinition<
      _orchestrator_HealthCheckResponse,
      _orchestrator_HealthCheckResponse__Output
    >;
    OrchestratorService: SubtypeConstructor<typeof grpc.Client, _orchestrator_OrchestratorServiceClient> & {
      service: _orchestrator_OrchestratorServiceDefinition;
    };
    PromptVersion: MessageTypeDefinition<_orchestrator_PromptVersion, _orchestrator_PromptVersion__Output>;
    SummarizeTranscriptRequest: MessageTypeDefinition<
      _orchestrator_SummarizeTranscriptRequest,
      _orchestrator_SummarizeTranscriptRequest__Output
    >;
    SummarizeTranscriptResponse: MessageTypeDefinition<
      _orchestrator_SummarizeTranscriptResponse,
      _orchestrator_SummarizeTranscriptResponse__Output
    >;
    UpdateSystemPromptRequest: MessageTypeDefinition<
      _orchestrator_UpdateSystemPromptRequest,
      _orchestrator_UpdateSystemPromptRequest__Output
    >;
    UpdateSystemPromptResponse: MessageTypeDefinition<
      _orchestrator_UpdateSystemPromptResponse,
      _orchestrator_UpdateSystemPromptResponse__Output
    >;
  };
}
