// Original file: tools.proto

export interface ListToolsRequest {
  twin_id?: string;
}

export interface ListToolsRequest__Output {
  twin_id: string;
}
