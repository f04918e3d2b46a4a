// Original file: consensus.proto

export interface Signed {
  body?: Buffer | Uint8Array | string;
  signature?: Buffer | Uint8Array | string;
}

export interface Signed__Output {
  body: Buffer;
  signature: Buffer;
}
