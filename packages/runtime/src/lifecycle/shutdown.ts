import type { Logger } from '../log/logger.ts';
import { stopTracing } from '../tracing/otel.ts';

export type Closer = () => Promise<void> | void;

export interface ShutdownOptions {
  /** Give up waiting for in-flight work after this long and exit non-zero (default 15 s). */
  timeoutMs?: number;
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT runs the closers in order (stop accepting, drain in-flight work, close stores) and exits.
 * A second signal exits at once. `closers` may be a promise, for a service still starting when the signal comes:
 * it finishes starting, then closes.
 */
export function onShutdown(
  logger: Logger,
  closers: Closer[] | Promise<Closer[]>,
  opts: ShutdownOptions = {},
): () => Promise<void> {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const run = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight work');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out');
      exit(1);
    }, opts.timeoutMs ?? 15_000);
    timer.unref();
    try {
      for (const close of await closers) await close();
      await stopTracing();
      clearTimeout(timer);
      logger.info('stopped');
      logger.flush?.();
      exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      exit(1);
    }
  };
  process.once('SIGTERM', () => void run('SIGTERM'));
  process.once('SIGINT', () => void run('SIGINT'));
  return () => run('manual');
}

/** Logs and exits when start-up fails (bad config, port in use, unreachable mandatory dependency). */
export function exitOnStartupError(logger: Logger, err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  logger.fatal({ err }, `startup failed: ${message}`);
  process.stderr.write(`startup failed: ${message}\n`);
  process.exit(1);
}
