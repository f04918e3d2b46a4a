import {
  createLogger,
  exitOnStartupError,
  gatewayConfigSchema,
  initMetrics,
  listen,
  loadConfig,
  onShutdown,
} from '@pagi/kit';
import { buildGatewayApp } from './http/gateway-app.ts';

const logger = createLogger('gateway');
try {
  const config = loadConfig(gatewayConfigSchema);
  logger.level = config.LOG_LEVEL;
  // Metrics, and tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (flushed by onShutdown).
  initMetrics('gateway');
  const app = await buildGatewayApp(config, logger);
  const port = await listen(app, config.BIND_HOST, config.GATEWAY_PORT);
  logger.info({ port, orchestrator: config.ORCHESTRATOR_URL, telemetry: config.TELEMETRY_URL }, 'gateway listening');
  onShutdown(logger, [() => app.close()]);
} catch (err) {
  exitOnStartupError(logger, err);
}
