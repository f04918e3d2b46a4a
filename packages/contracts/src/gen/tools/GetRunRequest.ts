// Original file: tools.proto

export interface GetRunRequest {
  run_id?: string;
}

export interface GetRunRequest__Output {
  run_id: string;
}
