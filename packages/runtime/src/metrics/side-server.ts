import type { FastifyInstance } from 'fastify';
import { createHttpApp, listen } from '../http/server.ts';
import type { Logger } from '../log/logger.ts';

/** gRPC-only services expose `/metrics` and `/health` on a small HTTP side port. */
export async function startMetricsServer(
  service: string,
  logger: Logger,
  host: string,
  port: number,
  health?: () => Record<string, unknown> | Promise<Record<string, unknown>>,
): Promise<{ app: FastifyInstance; port: number }> {
  const app = createHttpApp({ service, logger, health, bodyLimit: 1024 });
  const bound = await listen(app, host, port);
  logger.info({ port: bound }, `${service} metrics listening`);
  return { app, port: bound };
}
