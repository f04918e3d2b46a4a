import {
  createLogger,
  exitOnStartupError,
  initMetrics,
  loadConfig,
  onShutdown,
  orchestratorConfigSchema,
} from '@pagi/kit';
import { startKnowledge } from './knowledge/index.ts';
import { startOrchestrator } from './orchestrator.ts';

const logger = createLogger('orchestrator');
try {
  const config = loadConfig(orchestratorConfigSchema);
  logger.level = config.LOG_LEVEL;
  initMetrics('orchestrator');
  const orchestrator = await startOrchestrator(config, logger, {
    extensions: async (llm, activity) => [await startKnowledge({ config, logger, llm, activity })],
  });
  logger.info(
    { http: orchestrator.httpPort, grpc: orchestrator.grpcPort, admin: orchestrator.adminPort },
    'orchestrator ready',
  );
  onShutdown(logger, [() => orchestrator.close()]);
} catch (err) {
  exitOnStartupError(logger, err);
}
