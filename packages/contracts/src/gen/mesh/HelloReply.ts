// Original file: mesh.proto

import type { Hello as _mesh_Hello, Hello__Output as _mesh_Hello__Output } from '../mesh/Hello.ts';

export interface HelloReply {
  hello?: _mesh_Hello | null;
  accepted?: boolean;
  reason?: string;
}

export interface HelloReply__Output {
  hello: _mesh_Hello__Output | null;
  accepted: boolean;
  reason: string;
}
