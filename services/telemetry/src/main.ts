import {
  createLogger,
  exitOnStartupError,
  initMetrics,
  listen,
  loadConfig,
  onShutdown,
  telemetryConfigSchema,
} from '@pagi/kit';
import { buildTelemetryApp } from './http/telemetry-app.ts';
import { MediaStore } from './media/media-store.ts';
import { readHostSample } from './sampler/host-reader.ts';
import { SharedSampler } from './sampler/shared-sampler.ts';

const logger = createLogger('telemetry');
try {
  const config = loadConfig(telemetryConfigSchema);
  logger.level = config.LOG_LEVEL;
  // Metrics, and tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (flushed by onShutdown).
  initMetrics('telemetry');
  const sampler = new SharedSampler({ read: readHostSample, intervalMs: config.TELEMETRY_INTERVAL_MS, logger });
  const media = new MediaStore(config.MEDIA_DIR, logger);
  await media.open();
  const app = await buildTelemetryApp({ logger, sampler, media, mediaMaxBytes: config.MEDIA_MAX_BYTES });
  const port = await listen(app, config.BIND_HOST, config.TELEMETRY_PORT);
  logger.info({ port, media_dir: media.dir, interval_ms: config.TELEMETRY_INTERVAL_MS }, 'telemetry listening');
  onShutdown(logger, [() => app.close(), () => sampler.stop()]);
} catch (err) {
  exitOnStartupError(logger, err);
}
