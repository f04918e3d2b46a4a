// Original file: mesh.proto

export interface HelloVerdict {
  accepted?: boolean;
  reason?: string;
}

export interface HelloVerdict__Output {
  accepted: boolean;
  reason: string;
}
