import { CodedError, SummarizeRequest } from '@pagi/contracts';
import type { FleetNode } from '@pagi/contracts/gen/orchestrator/FleetNode.ts';
import type { Mesh, FleetNode as RegistryNode } from '@pagi/mesh';
import { bindService, loadProto } from '@pagi/runtime';
import type { OrchestratorServiceHandlers } from '@pagi/runtime/gen/orchestrator/OrchestratorService.ts';
import type { Agents } from '../agents/start-agents.ts';
import { MESH_OFF_HINT } from '../mesh/fleet-routes.ts';
import type { TranscriptSummarizer } from '../transcript/summarizer.ts';
import { agentHandlers } from './agents-grpc.ts';
import { consensusHandlers } from './consensus-grpc.ts';

const toProto = (n: RegistryNode): FleetNode => ({ ...n, latency_ms: n.latency_ms ?? -1 });

/** orchestrator.OrchestratorService: transcript summaries, the fleet and its votes, and agents, for gRPC callers. */
export function orchestratorService(deps: {
  summarizer: TranscriptSummarizer;
  mesh: Mesh | null;
  /** MESH_CONSENSUS_DEADLINE_S: how long a proposal stays open unless it says otherwise. */
  proposalDeadlineS: number;
  agents: Agents;
}): ReturnType<typeof bindService> {
  const proto = loadProto('orchestrator');
  const fleet = () => {
    if (!deps.mesh) throw new CodedError('failed_precondition', MESH_OFF_HINT);
    return deps.mesh.fleet;
  };
  return bindService<OrchestratorServiceHandlers>(
    'orchestrator.OrchestratorService',
    proto.orchestrator.OrchestratorService.service,
    {
      SummarizeTranscript: async (req) => {
        const parsed = SummarizeRequest.safeParse({ transcript_text: req.transcript_text.trim() });
        if (!parsed.success) {
          throw new CodedError('invalid_request', 'transcript_text must be between 1 and 200000 characters');
        }
        return deps.summarizer.summarize(parsed.data.transcript_text);
      },
      GetMeshStatus: async () =>
        deps.mesh ? { enabled: true, ...deps.mesh.status() } : { enabled: false, hint: MESH_OFF_HINT },
      ListFleet: async () => ({ nodes: fleet().list().map(toProto) }),
      GetFleetNode: async (req) => {
        const registry = fleet();
        if (!req.peer_id) throw new CodedError('invalid_request', 'peer_id is required');
        const node = registry.get(req.peer_id);
        if (!node) throw new CodedError('not_found', `no node ${req.peer_id.slice(0, 128)} in this fleet`);
        return toProto(node);
      },
      ...consensusHandlers(deps.mesh, deps.proposalDeadlineS),
      ...agentHandlers(deps.agents),
    },
  );
}
