// Original file: exchange.proto

export interface Revoke {
  origin_ids?: string[];
}

export interface Revoke__Output {
  origin_ids: string[];
}
