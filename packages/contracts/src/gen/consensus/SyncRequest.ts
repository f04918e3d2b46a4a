// Original file: consensus.proto

export interface SyncRequest {
  log_id?: string;
  after_seq?: number | string;
}

export interface SyncRequest__Output {
  log_id: string;
  after_seq: number;
}
