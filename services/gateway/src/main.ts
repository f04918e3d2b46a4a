// Gateway: the browser's only door — WebSocket chat and signaling, the /api proxy, SSE and uploads on :8181.
import { gatewayConfigSchema, listen, runService } from '@pagi/runtime';
import { buildGatewayApp } from './http/gateway-app.ts';

await runService({
  name: 'gateway',
  config: gatewayConfigSchema,
  async start({ config, logger, serviceToken }) {
    const app = await buildGatewayApp(config, logger, serviceToken);
    const port = await listen(app, config.BIND_HOST, config.GATEWAY_PORT);
    logger.info({ port, orchestrator: config.ORCHESTRATOR_URL, telemetry: config.TELEMETRY_URL }, 'gateway listening');
    return [() => app.close()];
  },
});
