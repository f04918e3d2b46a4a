import { z } from 'zod';
import { common, dataDir, int, optionalStr, port, str } from '../fields.ts';
import { autoBool } from './tools.ts';

export const buildConfigSchema = z
  .object({
    ...common,
    BUILD_SERVICE_PORT: port(50055),
    BUILD_METRICS_PORT: port(9155),
    TOOLS_REPO_DIR: str('tools_repo'),
    SANDBOX_DIR: optionalStr(),
    /** Unset: bubblewrap when present, like the tools service. */
    TOOLS_USE_BWRAP: autoBool(),
    RUSTC_PATH: str('rustc'),
    BUILD_TIMEOUT_MS: int(120_000, 1000),
    BUILD_MAX_SOURCE_BYTES: int(262_144, 1),
    BUILD_CONCURRENCY: int(2, 1, 16),
    /** Address-space limit of the compiler and linker processes, in MiB. */
    BUILD_MAX_MEMORY_MB: int(4096, 256, 65_536),
    /** Size of each writable place of a build under bubblewrap (its working folder and /tmp), in MiB. */
    BUILD_SCRATCH_MB: int(512, 16, 65_536),
    /** First of the host uids builds borrow when the service is root (see TOOLS_RUN_UID_BASE). */
    BUILD_RUN_UID_BASE: int(220_000, 1000, 4_000_000_000),
  })
  .transform((c) => ({ ...c, SANDBOX_DIR: dataDir(c, c.SANDBOX_DIR, 'sandbox') }));
export type BuildConfig = z.infer<typeof buildConfigSchema>;
