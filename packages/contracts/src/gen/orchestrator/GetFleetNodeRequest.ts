// Original file: orchestrator.proto

export interface GetFleetNodeRequest {
  peer_id?: string;
}

export interface GetFleetNodeRequest__Output {
  peer_id: string;
}
