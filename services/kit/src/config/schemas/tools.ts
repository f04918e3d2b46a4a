import { z } from 'zod';
import { bool, common, dataDir, int, optionalStr, port, str } from '../fields.ts';

export const toolsConfigSchema = z
  .object({
    ...common,
    TOOLS_GRPC_PORT: port(50054),
    TOOLS_METRICS_PORT: port(9154),
    /** Unset: bubblewrap on Linux when `bwrap` is present, directory isolation otherwise. */
    TOOLS_USE_BWRAP: optionalStr(),
    TOOLS_TIMEOUT_MS: int(10_000, 100, 600_000),
    TOOLS_OUTPUT_MAX_BYTES: int(1_048_576, 1024),
    TOOLS_POLICY_FILE: str('config/tools_policy.yaml'),
    TOOLS_REPO_DIR: str('tools_repo'),
    SANDBOX_DIR: optionalStr(),
    ALLOW_RESTRICTED_COMMANDS: bool(false),
    ALLOW_PUBLIC_NETWORK_SCAN: bool(false),
    ALLOW_ARBITRARY_PORT_SCAN: bool(false),
  })
  .transform((c) => ({
    ...c,
    STATE_DIR: dataDir(c, undefined, 'state'),
    SANDBOX_DIR: dataDir(c, c.SANDBOX_DIR, 'sandbox'),
  }));
export type ToolsConfig = z.infer<typeof toolsConfigSchema>;
