// Original file: orchestrator.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  AgentRun as _orchestrator_AgentRun,
  AgentRun__Output as _orchestrator_AgentRun__Output,
} from '@pagi/contracts/gen/orchestrator/AgentRun.ts';
import type {
  AgentRunEvent as _orchestrator_AgentRunEvent,
  AgentRunEvent__Output as _orchestrator_AgentRunEvent__Output,
} from '@pagi/contracts/gen/orchestrator/AgentRunEvent.ts';
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
  GetProposalRequest as _orchestrator_GetProposalRequest,
  GetProposalRequest__Output as _orchestrator_GetProposalRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetProposalRequest.ts';
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
  ProposalDetail as _orchestrator_ProposalDetail,
  ProposalDetail__Output as _orchestrator_ProposalDetail__Output,
} from '@pagi/contracts/gen/orchestrator/ProposalDetail.ts';
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
  VoteRequest as _orchestrator_VoteRequest,
  VoteRequest__Output as _orchestrator_VoteRequest__Output,
} from '@pagi/contracts/gen/orchestrator/VoteRequest.ts';
import type {
  WatchAgentRunsRequest as _orchestrator_WatchAgentRunsRequest,
  WatchAgentRunsRequest__Output as _orchestrator_WatchAgentRunsRequest__Output,
} from '@pagi/contracts/gen/orchestrator/WatchAgentRunsRequest.ts';

export interface OrchestratorServiceClient extends grpc.Client {
  GetAgentRun(
    argument: _orchestrator_GetAgentRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  GetAgentRun(
    argument: _orchestrator_GetAgentRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  GetAgentRun(
    argument: _orchestrator_GetAgentRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  GetAgentRun(
    argument: _orchestrator_GetAgentRunRequest,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  getAgentRun(
    argument: _orchestrator_GetAgentRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  getAgentRun(
    argument: _orchestrator_GetAgentRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  getAgentRun(
    argument: _orchestrator_GetAgentRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  getAgentRun(
    argument: _orchestrator_GetAgentRunRequest,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;

  GetFleetNode(
    argument: _orchestrator_GetFleetNodeRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_FleetNode__Output>,
  ): grpc.ClientUnaryCall;
  GetFleetNode(
    argument: _orchestrator_GetFleetNodeRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_FleetNode__Output>,
  ): grpc.ClientUnaryCall;
  GetFleetNode(
    argument: _orchestrator_GetFleetNodeRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_FleetNode__Output>,
  ): grpc.ClientUnaryCall;
  GetFleetNode(
    argument: _orchestrator_GetFleetNodeRequest,
    callback: grpc.requestCallback<_orchestrator_FleetNode__Output>,
  ): grpc.ClientUnaryCall;
  getFleetNode(
    argument: _orchestrator_GetFleetNodeRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_FleetNode__Output>,
  ): grpc.ClientUnaryCall;
  getFleetNode(
    argument: _orchestrator_GetFleetNodeRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_FleetNode__Output>,
  ): grpc.ClientUnaryCall;
  getFleetNode(
    argument: _orchestrator_GetFleetNodeRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_FleetNode__Output>,
  ): grpc.ClientUnaryCall;
  getFleetNode(
    argument: _orchestrator_GetFleetNodeRequest,
    callback: grpc.requestCallback<_orchestrator_FleetNode__Output>,
  ): grpc.ClientUnaryCall;

  GetMeshStatus(
    argument: _orchestrator_GetMeshStatusRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_MeshStatus__Output>,
  ): grpc.ClientUnaryCall;
  GetMeshStatus(
    argument: _orchestrator_GetMeshStatusRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_MeshStatus__Output>,
  ): grpc.ClientUnaryCall;
  GetMeshStatus(
    argument: _orchestrator_GetMeshStatusRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_MeshStatus__Output>,
  ): grpc.ClientUnaryCall;
  GetMeshStatus(
    argument: _orchestrator_GetMeshStatusRequest,
    callback: grpc.requestCallback<_orchestrator_MeshStatus__Output>,
  ): grpc.ClientUnaryCall;
  getMeshStatus(
    argument: _orchestrator_GetMeshStatusRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_MeshStatus__Output>,
  ): grpc.ClientUnaryCall;
  getMeshStatus(
    argument: _orchestrator_GetMeshStatusRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_MeshStatus__Output>,
  ): grpc.ClientUnaryCall;
  getMeshStatus(
    argument: _orchestrator_GetMeshStatusRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_MeshStatus__Output>,
  ): grpc.ClientUnaryCall;
  getMeshStatus(
    argument: _orchestrator_GetMeshStatusRequest,
    callback: grpc.requestCallback<_orchestrator_MeshStatus__Output>,
  ): grpc.ClientUnaryCall;

  GetProposal(
    argument: _orchestrator_GetProposalRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  GetProposal(
    argument: _orchestrator_GetProposalRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  GetProposal(
    argument: _orchestrator_GetProposalRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  GetProposal(
    argument: _orchestrator_GetProposalRequest,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  getProposal(
    argument: _orchestrator_GetProposalRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  getProposal(
    argument: _orchestrator_GetProposalRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  getProposal(
    argument: _orchestrator_GetProposalRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  getProposal(
    argument: _orchestrator_GetProposalRequest,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;

  ListAgentRuns(
    argument: _orchestrator_ListAgentRunsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListAgentRunsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListAgentRuns(
    argument: _orchestrator_ListAgentRunsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListAgentRunsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListAgentRuns(
    argument: _orchestrator_ListAgentRunsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListAgentRunsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListAgentRuns(
    argument: _orchestrator_ListAgentRunsRequest,
    callback: grpc.requestCallback<_orchestrator_ListAgentRunsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listAgentRuns(
    argument: _orchestrator_ListAgentRunsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListAgentRunsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listAgentRuns(
    argument: _orchestrator_ListAgentRunsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListAgentRunsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listAgentRuns(
    argument: _orchestrator_ListAgentRunsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListAgentRunsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listAgentRuns(
    argument: _orchestrator_ListAgentRunsRequest,
    callback: grpc.requestCallback<_orchestrator_ListAgentRunsResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListAgentTemplates(
    argument: _orchestrator_ListAgentTemplatesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListAgentTemplatesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListAgentTemplates(
    argument: _orchestrator_ListAgentTemplatesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListAgentTemplatesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListAgentTemplates(
    argument: _orchestrator_ListAgentTemplatesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListAgentTemplatesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListAgentTemplates(
    argument: _orchestrator_ListAgentTemplatesRequest,
    callback: grpc.requestCallback<_orchestrator_ListAgentTemplatesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listAgentTemplates(
    argument: _orchestrator_ListAgentTemplatesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListAgentTemplatesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listAgentTemplates(
    argument: _orchestrator_ListAgentTemplatesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListAgentTemplatesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listAgentTemplates(
    argument: _orchestrator_ListAgentTemplatesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListAgentTemplatesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listAgentTemplates(
    argument: _orchestrator_ListAgentTemplatesRequest,
    callback: grpc.requestCallback<_orchestrator_ListAgentTemplatesResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListArtifacts(
    argument: _orchestrator_ListArtifactsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListArtifactsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListArtifacts(
    argument: _orchestrator_ListArtifactsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListArtifactsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListArtifacts(
    argument: _orchestrator_ListArtifactsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListArtifactsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListArtifacts(
    argument: _orchestrator_ListArtifactsRequest,
    callback: grpc.requestCallback<_orchestrator_ListArtifactsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listArtifacts(
    argument: _orchestrator_ListArtifactsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListArtifactsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listArtifacts(
    argument: _orchestrator_ListArtifactsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListArtifactsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listArtifacts(
    argument: _orchestrator_ListArtifactsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListArtifactsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listArtifacts(
    argument: _orchestrator_ListArtifactsRequest,
    callback: grpc.requestCallback<_orchestrator_ListArtifactsResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListFleet(
    argument: _orchestrator_ListFleetRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListFleetResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListFleet(
    argument: _orchestrator_ListFleetRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListFleetResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListFleet(
    argument: _orchestrator_ListFleetRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListFleetResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListFleet(
    argument: _orchestrator_ListFleetRequest,
    callback: grpc.requestCallback<_orchestrator_ListFleetResponse__Output>,
  ): grpc.ClientUnaryCall;
  listFleet(
    argument: _orchestrator_ListFleetRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListFleetResponse__Output>,
  ): grpc.ClientUnaryCall;
  listFleet(
    argument: _orchestrator_ListFleetRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListFleetResponse__Output>,
  ): grpc.ClientUnaryCall;
  listFleet(
    argument: _orchestrator_ListFleetRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListFleetResponse__Output>,
  ): grpc.ClientUnaryCall;
  listFleet(
    argument: _orchestrator_ListFleetRequest,
    callback: grpc.requestCallback<_orchestrator_ListFleetResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListProposals(
    argument: _orchestrator_ListProposalsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListProposalsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListProposals(
    argument: _orchestrator_ListProposalsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListProposalsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListProposals(
    argument: _orchestrator_ListProposalsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListProposalsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListProposals(
    argument: _orchestrator_ListProposalsRequest,
    callback: grpc.requestCallback<_orchestrator_ListProposalsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listProposals(
    argument: _orchestrator_ListProposalsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListProposalsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listProposals(
    argument: _orchestrator_ListProposalsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ListProposalsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listProposals(
    argument: _orchestrator_ListProposalsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ListProposalsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listProposals(
    argument: _orchestrator_ListProposalsRequest,
    callback: grpc.requestCallback<_orchestrator_ListProposalsResponse__Output>,
  ): grpc.ClientUnaryCall;

  Propose(
    argument: _orchestrator_ProposeRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposeResponse__Output>,
  ): grpc.ClientUnaryCall;
  Propose(
    argument: _orchestrator_ProposeRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ProposeResponse__Output>,
  ): grpc.ClientUnaryCall;
  Propose(
    argument: _orchestrator_ProposeRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposeResponse__Output>,
  ): grpc.ClientUnaryCall;
  Propose(
    argument: _orchestrator_ProposeRequest,
    callback: grpc.requestCallback<_orchestrator_ProposeResponse__Output>,
  ): grpc.ClientUnaryCall;
  propose(
    argument: _orchestrator_ProposeRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposeResponse__Output>,
  ): grpc.ClientUnaryCall;
  propose(
    argument: _orchestrator_ProposeRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ProposeResponse__Output>,
  ): grpc.ClientUnaryCall;
  propose(
    argument: _orchestrator_ProposeRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposeResponse__Output>,
  ): grpc.ClientUnaryCall;
  propose(
    argument: _orchestrator_ProposeRequest,
    callback: grpc.requestCallback<_orchestrator_ProposeResponse__Output>,
  ): grpc.ClientUnaryCall;

  StartAgentRun(
    argument: _orchestrator_StartAgentRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  StartAgentRun(
    argument: _orchestrator_StartAgentRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  StartAgentRun(
    argument: _orchestrator_StartAgentRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  StartAgentRun(
    argument: _orchestrator_StartAgentRunRequest,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  startAgentRun(
    argument: _orchestrator_StartAgentRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  startAgentRun(
    argument: _orchestrator_StartAgentRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  startAgentRun(
    argument: _orchestrator_StartAgentRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  startAgentRun(
    argument: _orchestrator_StartAgentRunRequest,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;

  StopAgentRun(
    argument: _orchestrator_StopAgentRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  StopAgentRun(
    argument: _orchestrator_StopAgentRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  StopAgentRun(
    argument: _orchestrator_StopAgentRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  StopAgentRun(
    argument: _orchestrator_StopAgentRunRequest,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  stopAgentRun(
    argument: _orchestrator_StopAgentRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  stopAgentRun(
    argument: _orchestrator_StopAgentRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  stopAgentRun(
    argument: _orchestrator_StopAgentRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;
  stopAgentRun(
    argument: _orchestrator_StopAgentRunRequest,
    callback: grpc.requestCallback<_orchestrator_AgentRun__Output>,
  ): grpc.ClientUnaryCall;

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

  Vote(
    argument: _orchestrator_VoteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  Vote(
    argument: _orchestrator_VoteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  Vote(
    argument: _orchestrator_VoteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  Vote(
    argument: _orchestrator_VoteRequest,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  vote(
    argument: _orchestrator_VoteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  vote(
    argument: _orchestrator_VoteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  vote(
    argument: _orchestrator_VoteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;
  vote(
    argument: _orchestrator_VoteRequest,
    callback: grpc.requestCallback<_orchestrator_ProposalDetail__Output>,
  ): grpc.ClientUnaryCall;

  WatchAgentRuns(
    argument: _orchestrator_WatchAgentRunsRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_orchestrator_AgentRunEvent__Output>;
  WatchAgentRuns(
    argument: _orchestrator_WatchAgentRunsRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_orchestrator_AgentRunEvent__Output>;
  watchAgentRuns(
    argument: _orchestrator_WatchAgentRunsRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_orchestrator_AgentRunEvent__Output>;
  watchAgentRuns(
    argument: _orchestrator_WatchAgentRunsRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_orchestrator_AgentRunEvent__Output>;
}

export interface OrchestratorServiceHandlers extends grpc.UntypedServiceImplementation {
  GetAgentRun: grpc.handleUnaryCall<_orchestrator_GetAgentRunRequest__Output, _orchestrator_AgentRun>;

  GetFleetNode: grpc.handleUnaryCall<_orchestrator_GetFleetNodeRequest__Output, _orchestrator_FleetNode>;

  GetMeshStatus: grpc.handleUnaryCall<_orchestrator_GetMeshStatusRequest__Output, _orchestrator_MeshStatus>;

  GetProposal: grpc.handleUnaryCall<_orchestrator_GetProposalRequest__Output, _orchestrator_ProposalDetail>;

  ListAgentRuns: grpc.handleUnaryCall<_orchestrator_ListAgentRunsRequest__Output, _orchestrator_ListAgentRunsResponse>;

  ListAgentTemplates: grpc.handleUnaryCall<
    _orchestrator_ListAgentTemplatesRequest__Output,
    _orchestrator_ListAgentTemplatesResponse
  >;

  ListArtifacts: grpc.handleUnaryCall<_orchestrator_ListArtifactsRequest__Output, _orchestrator_ListArtifactsResponse>;

  ListFleet: grpc.handleUnaryCall<_orchestrator_ListFleetRequest__Output, _orchestrator_ListFleetResponse>;

  ListProposals: grpc.handleUnaryCall<_orchestrator_ListProposalsRequest__Output, _orchestrator_ListProposalsResponse>;

  Propose: grpc.handleUnaryCall<_orchestrator_ProposeRequest__Output, _orchestrator_ProposeResponse>;

  StartAgentRun: grpc.handleUnaryCall<_orchestrator_StartAgentRunRequest__Output, _orchestrator_AgentRun>;

  StopAgentRun: grpc.handleUnaryCall<_orchestrator_StopAgentRunRequest__Output, _orchestrator_AgentRun>;

  SummarizeTranscript: grpc.handleUnaryCall<
    _orchestrator_SummarizeTranscriptRequest__Output,
    _orchestrator_SummarizeTranscriptResponse
  >;

  Vote: grpc.handleUnaryCall<_orchestrator_VoteRequest__Output, _orchestrator_ProposalDetail>;

  WatchAgentRuns: grpc.handleServerStreamingCall<
    _orchestrator_WatchAgentRunsRequest__Output,
    _orchestrator_AgentRunEvent
  >;
}

export interface OrchestratorServiceDefinition extends grpc.ServiceDefinition {
  GetAgentRun: MethodDefinition<
    _orchestrator_GetAgentRunRequest,
    _orchestrator_AgentRun,
    _orchestrator_GetAgentRunRequest__Output,
    _orchestrator_AgentRun__Output
  >;
  GetFleetNode: MethodDefinition<
    _orchestrator_GetFleetNodeRequest,
    _orchestrator_FleetNode,
    _orchestrator_GetFleetNodeRequest__Output,
    _orchestrator_FleetNode__Output
  >;
  GetMeshStatus: MethodDefinition<
    _orchestrator_GetMeshStatusRequest,
    _orchestrator_MeshStatus,
    _orchestrator_GetMeshStatusRequest__Output,
    _orchestrator_MeshStatus__Output
  >;
  GetProposal: MethodDefinition<
    _orchestrator_GetProposalRequest,
    _orchestrator_ProposalDetail,
    _orchestrator_GetProposalRequest__Output,
    _orchestrator_ProposalDetail__Output
  >;
  ListAgentRuns: MethodDefinition<
    _orchestrator_ListAgentRunsRequest,
    _orchestrator_ListAgentRunsResponse,
    _orchestrator_ListAgentRunsRequest__Output,
    _orchestrator_ListAgentRunsResponse__Output
  >;
  ListAgentTemplates: MethodDefinition<
    _orchestrator_ListAgentTemplatesRequest,
    _orchestrator_ListAgentTemplatesResponse,
    _orchestrator_ListAgentTemplatesRequest__Output,
    _orchestrator_ListAgentTemplatesResponse__Output
  >;
  ListArtifacts: MethodDefinition<
    _orchestrator_ListArtifactsRequest,
    _orchestrator_ListArtifactsResponse,
    _orchestrator_ListArtifactsRequest__Output,
    _orchestrator_ListArtifactsResponse__Output
  >;
  ListFleet: MethodDefinition<
    _orchestrator_ListFleetRequest,
    _orchestrator_ListFleetResponse,
    _orchestrator_ListFleetRequest__Output,
    _orchestrator_ListFleetResponse__Output
  >;
  ListProposals: MethodDefinition<
    _orchestrator_ListProposalsRequest,
    _orchestrator_ListProposalsResponse,
    _orchestrator_ListProposalsRequest__Output,
    _orchestrator_ListProposalsResponse__Output
  >;
  Propose: MethodDefinition<
    _orchestrator_ProposeRequest,
    _orchestrator_ProposeResponse,
    _orchestrator_ProposeRequest__Output,
    _orchestrator_ProposeResponse__Output
  >;
  StartAgentRun: MethodDefinition<
    _orchestrator_StartAgentRunRequest,
    _orchestrator_AgentRun,
    _orchestrator_StartAgentRunRequest__Output,
    _orchestrator_AgentRun__Output
  >;
  StopAgentRun: MethodDefinition<
    _orchestrator_StopAgentRunRequest,
    _orchestrator_AgentRun,
    _orchestrator_StopAgentRunRequest__Output,
    _orchestrator_AgentRun__Output
  >;
  SummarizeTranscript: MethodDefinition<
    _orchestrator_SummarizeTranscriptRequest,
    _orchestrator_SummarizeTranscriptResponse,
    _orchestrator_SummarizeTranscriptRequest__Output,
    _orchestrator_SummarizeTranscriptResponse__Output
  >;
  Vote: MethodDefinition<
    _orchestrator_VoteRequest,
    _orchestrator_ProposalDetail,
    _orchestrator_VoteRequest__Output,
    _orchestrator_ProposalDetail__Output
  >;
  WatchAgentRuns: MethodDefinition<
    _orchestrator_WatchAgentRunsRequest,
    _orchestrator_AgentRunEvent,
    _orchestrator_WatchAgentRunsRequest__Output,
    _orchestrator_AgentRunEvent__Output
  >;
}
