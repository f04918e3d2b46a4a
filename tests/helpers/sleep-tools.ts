// The tools service of a test stack restarted with the default policy plus `sleep`, so a run can be caught in the
// middle; a gRPC client to ask it about runs; and what its audit log says it ran.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClient, loadProto } from '@pagi/runtime';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import { TEST_SERVICE_TOKEN } from './service-token.ts';
import { REPO_ROOT, type Stack } from './stack.ts';

export interface SleepTools {
  /** The environment the tools service runs with (for restarting it the same way). */
  env: Record<string, string>;
  client: ToolExecutorServiceClient;
  /** Sandboxed runs of `tool` (with `arg` first, when given) the tools service recorded as executed. */
  executed(tool: string, arg?: string): { tool: string; args: string[] }[];
}

export async function restartToolsWithSleep(stack: Stack): Promise<SleepTools> {
  const policy = readFileSync(path.join(REPO_ROOT, 'config/tools_policy.yaml'), 'utf8')
    .replace('system_tools:\n', 'system_tools:\n  sleep: { path: /usr/bin/sleep, description: Wait }\n')
    .replace('    tools:\n', '    tools:\n      - sleep\n');
  const policyFile = path.join(stack.dataDir, 'policy.yaml');
  writeFileSync(policyFile, policy);
  const env = { TOOLS_POLICY_FILE: policyFile, TOOLS_TIMEOUT_MS: '20000' };
  await stack.stop('tools');
  await stack.start('tools', env);
  const client = createClient(
    loadProto('tools').tools.ToolExecutorService,
    stack.addresses.TOOLS_GRPC_ADDR!,
    TEST_SERVICE_TOKEN,
  );
  const executed = (tool: string, arg?: string) =>
    readFileSync(path.join(stack.dataDir, 'state', 'tools_audit.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { tool: string; decision: string; args: string[] })
      .filter((e) => e.tool === tool && e.decision === 'executed' && (arg === undefined || e.args[0] === arg));
  return { env, client, executed };
}
