import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  Heartbeat as _mesh_Heartbeat,
  Heartbeat__Output as _mesh_Heartbeat__Output,
} from '@pagi/contracts/gen/mesh/Heartbeat.ts';
import type { Hello as _mesh_Hello, Hello__Output as _mesh_Hello__Output } from '@pagi/contracts/gen/mesh/Hello.ts';
import type {
  HelloReply as _mesh_HelloReply,
  HelloReply__Output as _mesh_HelloReply__Output,
} from '@pagi/contracts/gen/mesh/HelloReply.ts';
import type {
  HelloVerdict as _mesh_HelloVerdict,
  HelloVerdict__Output as _mesh_HelloVerdict__Output,
} from '@pagi/contracts/gen/mesh/HelloVerdict.ts';
import type {
  NodeHealth as _mesh_NodeHealth,
  NodeHealth__Output as _mesh_NodeHealth__Output,
} from '@pagi/contracts/gen/mesh/NodeHealth.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  mesh: {
    Heartbeat: MessageTypeDefinition<_mesh_Heartbeat, _mesh_Heartbeat__Output>;
    Hello: MessageTypeDefinition<_mesh_Hello, _mesh_Hello__Output>;
    HelloReply: MessageTypeDefinition<_mesh_HelloReply, _mesh_HelloReply__Output>;
    HelloVerdict: MessageTypeDefinition<_mesh_HelloVerdict, _mesh_HelloVerdict__Output>;
    NodeHealth: MessageTypeDefinition<_mesh_NodeHealth, _mesh_NodeHealth__Output>;
  };
}
