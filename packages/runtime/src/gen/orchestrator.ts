import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  Heartbeat as _mesh_Heartbeat,
  Heartbeat__Output as _mesh_Heartbeat__Output,
} from '@pagi/contracts/gen/mesh/Heartbeat.ts';
import type { Hello as _mesh_Hello, Hello__Output as _mesh_Hello__Output } from '@pagi/contracts/gen/mesh/Hello.ts';
import type {
  HelloReply as _mesh_HelloReply,
  HelloReply__Output as _mesh_HelloReply__Output,
} from '@pagi/contracts/gen/mesh/HelloReply.ts';
import type {
  HelloVerdict as _mesh_HelloVerdict,
  HelloVerdict__Output as _mesh_HelloVerdict__Output,
} from '@pagi/contracts/gen/mesh/HelloVerdict.ts';
import type {
  NodeHealth as _mesh_NodeHealth,
  NodeHealth__Output as _mesh_NodeHealth__Output,
} from '@pagi/contracts/gen/mesh/NodeHealth.ts';
import type {
  AgentRun as _orchestrator_AgentRun,
  AgentRun__Output as _orchestrator_AgentRun__Output,
} from '@pagi/contracts/gen/orchestrator/AgentRun.ts';
import type {
  AgentRunEvent as _orchestrator_AgentRunEvent,
  AgentRunEvent__Output as _orchestrator_AgentRunEvent__Output,
} from '@pagi/contracts/gen/orchestrator/AgentRunEvent.ts';
import type {
  AgentStep as _orchestrator_AgentStep,
  AgentStep__Output as _orchestrator_AgentStep__Output,
} from '@pagi/contracts/gen/orchestrator/AgentStep.ts';
import type {
  AgentTemplateInfo as _orchestrator_AgentTemplateInfo,
  AgentTemplateInfo__Output as _orchestrator_AgentTemplateInfo__Output,
} from '@pagi/contracts/gen/orchestrator/AgentTemplateInfo.ts';
import type {
  ArtifactContent as _orchestrator_ArtifactContent,
  ArtifactContent__Output as _orchestrator_ArtifactContent__Output,
} from '@pagi/contracts/gen/orchestrator/ArtifactContent.ts';
import type {
  ArtifactVersion as _orchestrator_ArtifactVersion,
  ArtifactVersion__Output as _orchestrator_ArtifactVersion__Output,
} from '@pagi/contracts/gen/orchestrator/ArtifactVersion.ts';
import type {
  DependencyHealth as _orchestrator_DependencyHealth,
  DependencyHealth__Output as _orchestrator_DependencyHealth__Output,
} from '@pagi/contracts/gen/orchestrator/DependencyHealth.ts';
import type {
  Equivocation as _orchestrator_Equivocation,
  Equivocation__Output as _orchestrator_Equivocation__Output,
} from '@pagi/contracts/gen/orchestrator/Equivocation.ts';
import type {
  FleetNode as _orchestrator_FleetNode,
  FleetNode__Output as _orchestrator_FleetNode__Output,
} from '@pagi/contracts/gen/orchestrator/FleetNode.ts';
import type {
  GetAgentRunRequest as _orchestrator_GetAgentRunRequest,
  GetAgentRunRequest__Output as _orchestrator_GetAgentRunRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetAgentRunRequest.ts';
import type {
  GetFleetNodeRequest as _orchestrator_GetFleetNodeRequest,
  GetFleetNodeRequest__Output as _orchestrator_GetFleetNodeRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetFleetNodeRequest.ts';
import type {
  GetMeshStatusRequest as _orchestrator_GetMeshStatusRequest,
  GetMeshStatusRequest__Output as _orchestrator_GetMeshStatusRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetMeshStatusRequest.ts';
import type {
  GetPromptHistoryRequest as _orchestrator_GetPromptHistoryRequest,
  GetPromptHistoryRequest__Output as _orchestrator_GetPromptHistoryRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetPromptHistoryRequest.ts';
import type {
  GetPromptHistoryResponse as _orchestrator_GetPromptHistoryResponse,
  GetPromptHistoryResponse__Output as _orchestrator_GetPromptHistoryResponse__Output,
} from '@pagi/contracts/gen/orchestrator/GetPromptHistoryResponse.ts';
import type {
  GetProposalRequest as _orchestrator_GetProposalRequest,
  GetProposalRequest__Output as _orchestrator_GetProposalRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetProposalRequest.ts';
import type {
  HealthCheckRequest as _orchestrator_HealthCheckRequest,
  HealthCheckRequest__Output as _orchestrator_HealthCheckRequest__Output,
} from '@pagi/contracts/gen/orchestrator/HealthCheckRequest.ts';
import type {
  HealthCheckResponse as _orchestrator_HealthCheckResponse,
  HealthCheckResponse__Output as _orchestrator_HealthCheckResponse__Output,
} from '@pagi/contracts/gen/orchestrator/HealthCheckResponse.ts';
import type {
  ListAgentRunsRequest as _orchestrator_ListAgentRunsRequest,
  ListAgentRunsRequest__Output as _orchestrator_ListAgentRunsRequest__Output,
} from '@pagi/contracts/gen/orchestrator/ListAgentRunsRequest.ts';
import type {
  ListAgentRunsResponse as _orchestrator_ListAgentRunsResponse,
  ListAgentRunsResponse__Output as _orchestrator_ListAgentRunsResponse__Output,
} from '@pagi/contracts/gen/orchestrator/ListAgentRunsResponse.ts';
import type {
  ListAgentTemplatesRequest as _orchestrator_ListAgentTemplatesRequest,
  ListAgentTemplatesRequest__Output as _orchestrator_ListAgentTemplatesRequest__Output,
} from '@pagi/contracts/gen/orchestrator/ListAgentTemplatesRequest.ts';
import type {
  ListAgentTemplatesResponse as _orchestrator_ListAgentTemplatesResponse,
  ListAgentTemplatesResponse__Output as _orchestrator_ListAgentTemplatesResponse__Output,
} from '@pagi/contracts/gen/orchestrator/ListAgentTemplatesResponse.ts';
import type {
  ListArtifactsRequest as _orchestrator_ListArtifactsRequest,
  ListArtifactsRequest__Output as _orchestrator_ListArtifactsRequest__Output,
} from '@pagi/contracts/gen/orchestrator/ListArtifactsRequest.ts';
import type {
  ListArtifactsResponse as _orchestrator_ListArtifactsResponse,
  ListArtifactsResponse__Output as _orchestrator_ListArtifactsResponse__Output,
} from '@pagi/contracts/gen/orchestrator/ListArtifactsResponse.ts';
import type {
  ListFleetRequest as _orchestrator_ListFleetRequest,
  ListFleetRequest__Output as _orchestrator_ListFleetRequest__Output,
} from '@pagi/contracts/gen/orchestrator/ListFleetRequest.ts';
import type {
  ListFleetResponse as _orchestrator_ListFleetResponse,
  ListFleetResponse__Output as _orchestrator_ListFleetResponse__Output,
} from '@pagi/contracts/gen/orchestrator/ListFleetResponse.ts';
import type {
  ListProposalsRequest as _orchestrator_ListProposalsRequest,
  ListProposalsRequest__Output as _orchestrator_ListProposalsRequest__Output,
} from '@pagi/contracts/gen/orchestrator/ListProposalsRequest.ts';
import type {
  ListProposalsResponse as _orchestrator_ListProposalsResponse,
  ListProposalsResponse__Output as _orchestrator_ListProposalsResponse__Output,
} from '@pagi/contracts/gen/orchestrator/ListProposalsResponse.ts';
import type {
  MeshStatus as _orchestrator_MeshStatus,
  MeshStatus__Output as _orchestrator_MeshStatus__Output,
} from '@pagi/contracts/gen/orchestrator/MeshStatus.ts';
import type {
  PromptVersion as _orchestrator_PromptVersion,
  PromptVersion__Output as _orchestrator_PromptVersion__Output,
} from '@pagi/contracts/gen/orchestrator/PromptVersion.ts';
import type {
  ProposalApplication as _orchestrator_ProposalApplication,
  ProposalApplication__Output as _orchestrator_ProposalApplication__Output,
} from '@pagi/contracts/gen/orchestrator/ProposalApplication.ts';
import type {
  ProposalDetail as _orchestrator_ProposalDetail,
  ProposalDetail__Output as _orchestrator_ProposalDetail__Output,
} from '@pagi/contracts/gen/orchestrator/ProposalDetail.ts';
import type {
  ProposalSummary as _orchestrator_ProposalSummary,
  ProposalSummary__Output as _orchestrator_ProposalSummary__Output,
} from '@pagi/contracts/gen/orchestrator/ProposalSummary.ts';
import type {
  ProposalTally as _orchestrator_ProposalTally,
  ProposalTally__Output as _orchestrator_ProposalTally__Output,
} from '@pagi/contracts/gen/orchestrator/ProposalTally.ts';
import type {
  ProposalVote as _orchestrator_ProposalVote,
  ProposalVote__Output as _orchestrator_ProposalVote__Output,
} from '@pagi/contracts/gen/orchestrator/ProposalVote.ts';
import type {
  ProposalVoter as _orchestrator_ProposalVoter,
  ProposalVoter__Output as _orchestrator_ProposalVoter__Output,
} from '@pagi/contracts/gen/orchestrator/ProposalVoter.ts';
import type {
  ProposeRequest as _orchestrator_ProposeRequest,
  ProposeRequest__Output as _orchestrator_ProposeRequest__Output,
} from '@pagi/contracts/gen/orchestrator/ProposeRequest.ts';
import type {
  ProposeResponse as _orchestrator_ProposeResponse,
  ProposeResponse__Output as _orchestrator_ProposeResponse__Output,
} from '@pagi/contracts/gen/orchestrator/ProposeResponse.ts';
import type {
  StartAgentRunRequest as _orchestrator_StartAgentRunRequest,
  StartAgentRunRequest__Output as _orchestrator_StartAgentRunRequest__Output,
} from '@pagi/contracts/gen/orchestrator/StartAgentRunRequest.ts';
import type {
  StopAgentRunRequest as _orchestrator_StopAgentRunRequest,
  StopAgentRunRequest__Output as _orchestrator_StopAgentRunRequest__Output,
} from '@pagi/contracts/gen/orchestrator/StopAgentRunRequest.ts';
import type {
  SummarizeTranscriptRequest as _orchestrator_SummarizeTranscriptRequest,
  SummarizeTranscriptRequest__Output as _orchestrator_SummarizeTranscriptRequest__Output,
} from '@pagi/contracts/gen/orchestrator/SummarizeTranscriptRequest.ts';
import type {
  SummarizeTranscriptResponse as _orchestrator_SummarizeTranscriptResponse,
  SummarizeTranscriptResponse__Output as _orchestrator_SummarizeTranscriptResponse__Output,
} from '@pagi/contracts/gen/orchestrator/SummarizeTranscriptResponse.ts';
import type {
  TemplateError as _orchestrator_TemplateError,
  TemplateError__Output as _orchestrator_TemplateError__Output,
} from '@pagi/contracts/gen/orchestrator/TemplateError.ts';
import type {
  UpdateSystemPromptRequest as _orchestrator_UpdateSystemPromptRequest,
  UpdateSystemPromptRequest__Output as _orchestrator_UpdateSystemPromptRequest__Output,
} from '@pagi/contracts/gen/orchestrator/UpdateSystemPromptRequest.ts';
import type {
  UpdateSystemPromptResponse as _orchestrator_UpdateSystemPromptResponse,
  UpdateSystemPromptResponse__Output as _orchestrator_UpdateSystemPromptResponse__Output,
} from '@pagi/contracts/gen/orchestrator/UpdateSystemPromptResponse.ts';
import type {
  VoteRequest as _orchestrator_VoteRequest,
  VoteRequest__Output as _orchestrator_VoteRequest__Output,
} from '@pagi/contracts/gen/orchestrator/VoteRequest.ts';
import type {
  WatchAgentRunsRequest as _orchestrator_WatchAgentRunsRequest,
  WatchAgentRunsRequest__Output as _orchestrator_WatchAgentRunsRequest__Output,
} from '@pagi/contracts/gen/orchestrator/WatchAgentRunsRequest.ts';
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
  mesh: {
    Heartbeat: MessageTypeDefinition<_mesh_Heartbeat, _mesh_Heartbeat__Output>;
    Hello: MessageTypeDefinition<_mesh_Hello, _mesh_Hello__Output>;
    HelloReply: MessageTypeDefinition<_mesh_HelloReply, _mesh_HelloReply__Output>;
    HelloVerdict: MessageTypeDefinition<_mesh_HelloVerdict, _mesh_HelloVerdict__Output>;
    NodeHealth: MessageTypeDefinition<_mesh_NodeHealth, _mesh_NodeHealth__Output>;
  };
  orchestrator: {
    AdminService: SubtypeConstructor<typeof grpc.Client, _orchestrator_AdminServiceClient> & {
      service: _orchestrator_AdminServiceDefinition;
    };
    AgentRun: MessageTypeDefinition<_orchestrator_AgentRun, _orchestrator_AgentRun__Output>;
    AgentRunEvent: MessageTypeDefinition<_orchestrator_AgentRunEvent, _orchestrator_AgentRunEvent__Output>;
    AgentStep: MessageTypeDefinition<_orchestrator_AgentStep, _orchestrator_AgentStep__Output>;
    AgentTemplateInfo: MessageTypeDefinition<_orchestrator_AgentTemplateInfo, _orchestrator_AgentTemplateInfo__Output>;
    ArtifactContent: MessageTypeDefinition<_orchestrator_ArtifactContent, _orchestrator_ArtifactContent__Output>;
    ArtifactVersion: MessageTypeDefinition<_orchestrator_ArtifactVersion, _orchestrator_ArtifactVersion__Output>;
    DependencyHealth: MessageTypeDefinition<_orchestrator_DependencyHealth, _orchestrator_DependencyHealth__Output>;
    Equivocation: MessageTypeDefinition<_orchestrator_Equivocation, _orchestrator_Equivocation__Output>;
    FleetNode: MessageTypeDefinition<_orchestrator_FleetNode, _orchestrator_FleetNode__Output>;
    GetAgentRunRequest: MessageTypeDefinition<
      _orchestrator_GetAgentRunRequest,
      _orchestrator_GetAgentRunRequest__Output
    >;
    GetFleetNodeRequest: MessageTypeDefinition<
      _orchestrator_GetFleetNodeRequest,
      _orchestrator_GetFleetNodeRequest__Output
    >;
    GetMeshStatusRequest: MessageTypeDefinition<
      _orchestrator_GetMeshStatusRequest,
      _orchestrator_GetMeshStatusRequest__Output
    >;
    GetPromptHistoryRequest: MessageTypeDefinition<
      _orchestrator_GetPromptHistoryRequest,
      _orchestrator_GetPromptHistoryRequest__Output
    >;
    GetPromptHistoryResponse: MessageTypeDefinition<
      _orchestrator_GetPromptHistoryResponse,
      _orchestrator_GetPromptHistoryResponse__Output
    >;
    GetProposalRequest: MessageTypeDefinition<
      _orchestrator_GetProposalRequest,
      _orchestrator_GetProposalRequest__Output
    >;
    HealthCheckRequest: MessageTypeDefinition<
      _orchestrator_HealthCheckRequest,
      _orchestrator_HealthCheckRequest__Output
    >;
    HealthCheckResponse: MessageTypeDefinition<
      _orchestrator_HealthCheckResponse,
      _orchestrator_HealthCheckResponse__Output
    >;
    ListAgentRunsRequest: MessageTypeDefinition<
      _orchestrator_ListAgentRunsRequest,
      _orchestrator_ListAgentRunsRequest__Output
    >;
    ListAgentRunsResponse: MessageTypeDefinition<
      _orchestrator_ListAgentRunsResponse,
      _orchestrator_ListAgentRunsResponse__Output
    >;
    ListAgentTemplatesRequest: MessageTypeDefinition<
      _orchestrator_ListAgentTemplatesRequest,
      _orchestrator_ListAgentTemplatesRequest__Output
    >;
    ListAgentTemplatesResponse: MessageTypeDefinition<
      _orchestrator_ListAgentTemplatesResponse,
      _orchestrator_ListAgentTemplatesResponse__Output
    >;
    ListArtifactsRequest: MessageTypeDefinition<
      _orchestrator_ListArtifactsRequest,
      _orchestrator_ListArtifactsRequest__Output
    >;
    ListArtifactsResponse: MessageTypeDefinition<
      _orchestrator_ListArtifactsResponse,
      _orchestrator_ListArtifactsResponse__Output
    >;
    ListFleetRequest: MessageTypeDefinition<_orchestrator_ListFleetRequest, _orchestrator_ListFleetRequest__Output>;
    ListFleetResponse: MessageTypeDefinition<_orchestrator_ListFleetResponse, _orchestrator_ListFleetResponse__Output>;
    ListProposalsRequest: MessageTypeDefinition<
      _orchestrator_ListProposalsRequest,
      _orchestrator_ListProposalsRequest__Output
    >;
    ListProposalsResponse: MessageTypeDefinition<
      _orchestrator_ListProposalsResponse,
      _orchestrator_ListProposalsResponse__Output
    >;
    MeshStatus: MessageTypeDefinition<_orchestrator_MeshStatus, _orchestrator_MeshStatus__Output>;
    OrchestratorService: SubtypeConstructor<typeof grpc.Client, _orchestrator_OrchestratorServiceClient> & {
      service: _orchestrator_OrchestratorServiceDefinition;
    };
    PromptVersion: MessageTypeDefinition<_orchestrator_PromptVersion, _orchestrator_PromptVersion__Output>;
    ProposalApplication: MessageTypeDefinition<
      _orchestrator_ProposalApplication,
      _orchestrator_ProposalApplication__Output
    >;
    ProposalDetail: MessageTypeDefinition<_orchestrator_ProposalDetail, _orchestrator_ProposalDetail__Output>;
    ProposalSummary: MessageTypeDefinition<_orchestrator_ProposalSummary, _orchestrator_ProposalSummary__Output>;
    ProposalTally: MessageTypeDefinition<_orchestrator_ProposalTally, _orchestrator_ProposalTally__Output>;
    ProposalVote: MessageTypeDefinition<_orchestrator_ProposalVote, _orchestrator_ProposalVote__Output>;
    ProposalVoter: MessageTypeDefinition<_orchestrator_ProposalVoter, _orchestrator_ProposalVoter__Output>;
    ProposeRequest: MessageTypeDefinition<_orchestrator_ProposeRequest, _orchestrator_ProposeRequest__Output>;
    ProposeResponse: MessageTypeDefinition<_orchestrator_ProposeResponse, _orchestrator_ProposeResponse__Output>;
    StartAgentRunRequest: MessageTypeDefinition<
      _orchestrator_StartAgentRunRequest,
      _orchestrator_StartAgentRunRequest__Output
    >;
    StopAgentRunRequest: MessageTypeDefinition<
      _orchestrator_StopAgentRunRequest,
      _orchestrator_StopAgentRunRequest__Output
    >;
    SummarizeTranscriptRequest: MessageTypeDefinition<
      _orchestrator_SummarizeTranscriptRequest,
      _orchestrator_SummarizeTranscriptRequest__Output
    >;
    SummarizeTranscriptResponse: MessageTypeDefinition<
      _orchestrator_SummarizeTranscriptResponse,
      _orchestrator_SummarizeTranscriptResponse__Output
    >;
    TemplateError: MessageTypeDefinition<_orchestrator_TemplateError, _orchestrator_TemplateError__Output>;
    UpdateSystemPromptRequest: MessageTypeDefinition<
      _orchestrator_UpdateSystemPromptRequest,
      _orchestrator_UpdateSystemPromptRequest__Output
    >;
    UpdateSystemPromptResponse: MessageTypeDefinition<
      _orchestrator_UpdateSystemPromptResponse,
      _orchestrator_UpdateSystemPromptResponse__Output
    >;
    VoteRequest: MessageTypeDefinition<_orchestrator_VoteRequest, _orchestrator_VoteRequest__Output>;
    WatchAgentRunsRequest: MessageTypeDefinition<
      _orchestrator_WatchAgentRunsRequest,
      _orchestrator_WatchAgentRunsRequest__Output
    >;
  };
}
