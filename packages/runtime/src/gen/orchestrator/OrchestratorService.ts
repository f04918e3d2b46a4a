// Original file: orchestrator.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  FleetNode as _orchestrator_FleetNode,
  FleetNode__Output as _orchestrator_FleetNode__Output,
} from '@pagi/contracts/gen/orchestrator/FleetNode.ts';
import type {
  GetFleetNodeRequest as _orchestrator_GetFleetNodeRequest,
  GetFleetNodeRequest__Output as _orchestrator_GetFleetNodeRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetFleetNodeRequest.ts';
import type {
  GetMeshStatusRequest as _orchestrator_GetMeshStatusRequest,
  GetMeshStatusRequest__Output as _orchestrator_GetMeshStatusRequest__Output,
} from '@pagi/contracts/gen/orchestrator/GetMeshStatusRequest.ts';
import type {
  ListFleetRequest as _orchestrator_ListFleetRequest,
  ListFleetRequest__Output as _orchestrator_ListFleetRequest__Output,
} from '@pagi/contracts/gen/orchestrator/ListFleetRequest.ts';
import type {
  ListFleetResponse as _orchestrator_ListFleetResponse,
  ListFleetResponse__Output as _orchestrator_ListFleetResponse__Output,
} from '@pagi/contracts/gen/orchestrator/ListFleetResponse.ts';
import type {
  MeshStatus as _orchestrator_MeshStatus,
  MeshStatus__Output as _orchestrator_MeshStatus__Output,
} from '@pagi/contracts/gen/orchestrator/MeshStatus.ts';
import type {
  SummarizeTranscriptRequest as _orchestrator_SummarizeTranscriptRequest,
  SummarizeTranscriptRequest__Output as _orchestrator_SummarizeTranscriptRequest__Output,
} from '@pagi/contracts/gen/orchestrator/SummarizeTranscriptRequest.ts';
import type {
  SummarizeTranscriptResponse as _orchestrator_SummarizeTranscriptResponse,
  SummarizeTranscriptResponse__Output as _orchestrator_SummarizeTranscriptResponse__Output,
} from '@pagi/contracts/gen/orchestrator/SummarizeTranscriptResponse.ts';

export interface OrchestratorServiceClient extends grpc.Client {
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
}

export interface OrchestratorServiceHandlers extends grpc.UntypedServiceImplementation {
  GetFleetNode: grpc.handleUnaryCall<_orchestrator_GetFleetNodeRequest__Output, _orchestrator_FleetNode>;

  GetMeshStatus: grpc.handleUnaryCall<_orchestrator_GetMeshStatusRequest__Output, _orchestrator_MeshStatus>;

  ListFleet: grpc.handleUnaryCall<_orchestrator_ListFleetRequest__Output, _orchestrator_ListFleetResponse>;

  SummarizeTranscript: grpc.handleUnaryCall<
    _orchestrator_SummarizeTranscriptRequest__Output,
    _orchestrator_SummarizeTranscriptResponse
  >;
}

export interface OrchestratorServiceDefinition extends grpc.ServiceDefinition {
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
  ListFleet: MethodDefinition<
    _orchestrator_ListFleetRequest,
    _orchestrator_ListFleetResponse,
    _orchestrator_ListFleetRequest__Output,
    _orchestrator_ListFleetResponse__Output
  >;
  SummarizeTranscript: MethodDefinition<
    _orchestrator_SummarizeTranscriptRequest,
    _orchestrator_SummarizeTranscriptResponse,
    _orchestrator_SummarizeTranscriptRequest__Output,
    _orchestrator_SummarizeTranscriptResponse__Output
  >;
}
