import type { z } from 'zod';
import { resolveServiceToken } from '../auth/service-token.ts';
import { loadConfig } from '../config/load.ts';
import { type Closer, exitOnStartupError, onShutdown } from '../lifecycle/shutdown.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { initMetrics } from '../metrics/registry.ts';

export interface ServiceContext<C> {
  config: C;
  /** At the configured LOG_LEVEL (from the environment or `.env`). */
  logger: Logger;
  /** The shared token of internal gRPC calls (see resolveServiceToken). */
  serviceToken: string;
}

export interface ServiceDefinition<S extends z.ZodType> {
  /** Names the logger, the metrics' `service` label and the trace resource. */
  name: string;
  config: S;
  /** Builds the dependencies and starts the servers; returns what to close at shutdown, in order. */
  start(ctx: ServiceContext<z.infer<S>>): Promise<Closer[]>;
  /** How long shutdown may take before the process gives up and exits non-zero (default 15 s). */
  shutdownTimeoutMs?: number;
}

/**
 * The one entry every service's main.ts calls: configuration (environment and `.env`) → a logger at the configured
 * level → metrics and tracing → the service's own start → graceful shutdown on SIGTERM/SIGINT. A bad configuration
 * or a failed start is reported with its reason and exits 1.
 */
export async function runService<S extends z.ZodType>(def: ServiceDefinition<S>): Promise<void> {
  let logger: Logger | undefined;
  try {
    const config = loadConfig(def.config) as z.infer<S> & {
      LOG_LEVEL: string;
      DATA_DIR: string;
      SERVICE_TOKEN?: string;
    };
    const log = createLogger(def.name, config.LOG_LEVEL);
    logger = log;
    initMetrics(def.name);
    // The signal handlers come first: a service told to stop while it starts finishes starting, then stops.
    const starting = Promise.resolve().then(() =>
      def.start({ config, logger: log, serviceToken: resolveServiceToken(config) }),
    );
    onShutdown(logger, starting, { timeoutMs: def.shutdownTimeoutMs });
    await starting;
  } catch (err) {
    // Before the configuration is read the level is unknown: the failure is reported at the default one.
    exitOnStartupError(logger ?? createLogger(def.name), err);
  }
}
