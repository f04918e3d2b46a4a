import { z } from 'zod';
import { bool, common, dataDir, int, optionalStr, port, str } from '../fields.ts';

/** `true` / `false`, or unset (undefined) to let the service decide (used by TOOLS_USE_BWRAP). */
export const autoBool = () =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim().toLowerCase() === 'auto') return undefined;
        const s = v.trim().toLowerCase();
        if (['true', '1', 'yes', 'on'].includes(s)) return true;
        if (['false', '0', 'no', 'off'].includes(s)) return false;
        ctx.addIssue({ code: 'custom', message: 'expected true, false or auto' });
        return z.NEVER;
      }),
  );

export const toolsConfigSchema = z
  .object({
    ...common,
    TOOLS_GRPC_PORT: port(50054),
    TOOLS_METRICS_PORT: port(9154),
    /** Unset: bubblewrap on Linux when `bwrap` is present, directory isolation otherwise. */
    TOOLS_USE_BWRAP: autoBool(),
    TOOLS_TIMEOUT_MS: int(10_000, 100, 600_000),
    TOOLS_OUTPUT_MAX_BYTES: int(1_048_576, 1024),
    TOOLS_POLICY_FILE: str('config/tools_policy.yaml'),
    TOOLS_REPO_DIR: str('tools_repo'),
    SANDBOX_DIR: optionalStr(),
    /** Processes one tool run may have at once (RLIMIT_NPROC inside its own user namespace). */
    TOOLS_MAX_PROCESSES: int(64, 4, 4096),
    /** Address-space limit of each process of a tool run, in MiB. */
    TOOLS_MAX_MEMORY_MB: int(512, 16, 65_536),
    /** Size of each writable place of a run under bubblewrap (its working folder and /tmp), in MiB. */
    TOOLS_SCRATCH_MB: int(64, 1, 65_536),
    /** Tool runs executing at the same time; further calls wait in a bounded queue. */
    TOOLS_MAX_CONCURRENT: int(8, 1, 256),
    /**
     * First of the host uids runs borrow, one per run at a time, when the service is root (each run then has its
     * own process budget). The range holds 1000 uids, shared by every service of the machine through locks.
     */
    TOOLS_RUN_UID_BASE: int(210_000, 1000, 4_000_000_000),
    ALLOW_RESTRICTED_COMMANDS: bool(false),
    ALLOW_PUBLIC_NETWORK_SCAN: bool(false),
    ALLOW_ARBITRARY_PORT_SCAN: bool(false),
    /** network_scan may target loopback and link-local addresses (this machine, its neighbours' link). */
    ALLOW_LOOPBACK_NETWORK_SCAN: bool(false),
  })
  .transform((c) => ({
    ...c,
    STATE_DIR: dataDir(c, undefined, 'state'),
    SANDBOX_DIR: dataDir(c, c.SANDBOX_DIR, 'sandbox'),
  }));
export type ToolsConfig = z.infer<typeof toolsConfigSchema>;
