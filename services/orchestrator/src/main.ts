// Orchestrator: planning, approvals, chat history and the knowledge base behind HTTP :8182 and gRPC :50057/:50056.
import { orchestratorConfigSchema, runService } from '@pagi/runtime';
import { startOrchestrator } from './orchestrator.ts';

await runService({
  name: 'orchestrator',
  config: orchestratorConfigSchema,
  async start({ config, logger }) {
    const orchestrator = await startOrchestrator(config, logger, { knowledge: true });
    logger.info(
      { http: orchestrator.httpPort, grpc: orchestrator.grpcPort, admin: orchestrator.adminPort },
      'orchestrator ready',
    );
    return [() => orchestrator.close()];
  },
});
