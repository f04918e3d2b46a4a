import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { repoRoot } from '../config/root.ts';
import type { ProtoGrpcType as BuildProto } from '../gen/build.ts';
import type { ProtoGrpcType as MemoryProto } from '../gen/memory.ts';
import type { ProtoGrpcType as OrchestratorProto } from '../gen/orchestrator.ts';
import type { ProtoGrpcType as ToolsProto } from '../gen/tools.ts';

/** Must match the flags in scripts/gen-proto.sh so generated types describe what the loader returns. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

interface Protos {
  memory: MemoryProto;
  tools: ToolsProto;
  build: BuildProto;
  orchestrator: OrchestratorProto;
}

export type ProtoName = keyof Protos;

export function protoDir(): string {
  return path.join(repoRoot(), 'proto');
}

const definitions = new Map<ProtoName, protoLoader.PackageDefinition>();

/** The proto-loader package definition of one proto file (cached; reflection is built from it). */
export function packageDefinition(name: ProtoName): protoLoader.PackageDefinition {
  let def = definitions.get(name);
  if (!def) {
    def = protoLoader.loadSync(`${name}.proto`, { ...LOADER_OPTIONS, includeDirs: [protoDir()] });
    definitions.set(name, def);
  }
  return def;
}

/** The typed gRPC object of one proto file: constructors for clients and service definitions for servers. */
export function loadProto<N extends ProtoName>(name: N): Protos[N] {
  return grpc.loadPackageDefinition(packageDefinition(name)) as unknown as Protos[N];
}
