// Original file: orchestrator.proto

export interface MeshStatus {
  enabled?: boolean;
  peer_id?: string;
  listen_addresses?: string[];
  swarm_key_fingerprint?: string;
  peers_connected?: number;
  mdns?: boolean;
  bootstrap?: string[];
  hint?: string;
}

export interface MeshStatus__Output {
  enabled: boolean;
  peer_id: string;
  listen_addresses: string[];
  swarm_key_fingerprint: string;
  peers_connected: number;
  mdns: boolean;
  bootstrap: string[];
  hint: string;
}
