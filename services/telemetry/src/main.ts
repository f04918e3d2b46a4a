// Telemetry: host metrics as a shared sampled stream, and the media store, on :8183.
import { IdentitySigner } from '@pagi/auth';
import { listen, runService, telemetryConfigSchema } from '@pagi/runtime';
import { buildTelemetryApp } from './http/telemetry-app.ts';
import { MediaStore } from './media/media-store.ts';
import { readHostSample } from './sampler/host-reader.ts';
import { SharedSampler } from './sampler/shared-sampler.ts';

await runService({
  name: 'telemetry',
  config: telemetryConfigSchema,
  async start({ config, logger, serviceToken }) {
    const sampler = new SharedSampler({ read: readHostSample, intervalMs: config.TELEMETRY_INTERVAL_MS, logger });
    const media = new MediaStore(config.MEDIA_DIR, logger);
    await media.open();
    const app = await buildTelemetryApp({
      logger,
      sampler,
      media,
      mediaMaxBytes: config.MEDIA_MAX_BYTES,
      auth: { mode: config.AUTH_MODE, signer: new IdentitySigner(serviceToken) },
    });
    const port = await listen(app, config.BIND_HOST, config.TELEMETRY_PORT);
    logger.info({ port, media_dir: media.dir, interval_ms: config.TELEMETRY_INTERVAL_MS }, 'telemetry listening');
    return [() => app.close(), () => sampler.stop()];
  },
});
