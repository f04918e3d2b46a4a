// Original file: mesh.proto

export interface Hello {
  twin_id?: string;
  node_name?: string;
  software_version?: string;
  protocol_versions?: string[];
  capabilities?: string[];
  role?: string;
}

export interface Hello__Output {
  twin_id: string;
  node_name: string;
  software_version: string;
  protocol_versions: string[];
  capabilities: string[];
  role: string;
}
