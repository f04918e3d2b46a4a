import { z } from 'zod';
import { auth, common, dataDir, int, optionalStr, port } from '../fields.ts';

export const telemetryConfigSchema = z
  .object({
    ...common,
    AUTH_MODE: auth.AUTH_MODE,
    TELEMETRY_PORT: port(8183),
    TELEMETRY_INTERVAL_MS: int(2000, 100),
    MEDIA_DIR: optionalStr(),
    MEDIA_MAX_BYTES: int(104_857_600, 1),
  })
  .transform((c) => ({ ...c, MEDIA_DIR: dataDir(c, c.MEDIA_DIR, 'media') }));
export type TelemetryConfig = z.infer<typeof telemetryConfigSchema>;
