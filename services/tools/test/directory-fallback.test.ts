// Without bubblewrap the service still isolates each run in its own directory, says so, and keeps the timeout,
// the output cap and the clean environment.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unary } from '@pagi/runtime';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import { type RunningService, startService, tempDir, toolsClient } from '@pagi/tests/helpers/service-process.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_TWIN, labPolicy, writePolicy } from './helpers/policies.ts';

const SECRET = `fallback-${randomBytes(8).toString('hex')}`;

describe('directory isolation (TOOLS_USE_BWRAP=false)', () => {
  const tmp = tempDir('pagi-tools-dir-');
  let svc: RunningService;
  let client: ToolExecutorServiceClient;
  const sh = (script: string, timeout_ms = 0) =>
    unary(client, 'ExecuteTool', { tool_name: 'sh', args: ['-c', script], twin_id: LAB_TWIN, timeout_ms, stdin: '' });

  beforeAll(async () => {
    svc = await startService('tools', {
      DATA_DIR: tmp.dir,
      TOOLS_POLICY_FILE: writePolicy(tmp.dir, labPolicy()),
      TOOLS_REPO_DIR: path.join(tmp.dir, 'repo'),
      TOOLS_USE_BWRAP: 'false',
      TOOLS_OUTPUT_MAX_BYTES: '2048',
      PAGI_TEST_SECRET: SECRET,
    });
    client = toolsClient(svc.port);
  });

  afterAll(async () => {
    client?.close();
    await svc?.stop();
    tmp.remove();
  });

  it('reports the weaker sandbox in health, results and a WARN', async () => {
    expect(await unary(client, 'HealthCheck', {})).toMatchObject({ sandbox: 'directory' });
    const warn = svc
      .logs()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((l) => l.level === 40);
    expect(warn.msg).toMatch(/directory isolation only/);
    const res = await sh('pwd; env');
    expect(res.sandbox).toBe('directory');
    expect(res.output).toContain(path.join(tmp.dir, 'sandbox'));
    expect(res.output).not.toContain(SECRET);
    expect(readdirSync(path.join(tmp.dir, 'sandbox'))).toEqual([]);
  });

  it('kills the whole process group at the timeout', async () => {
    const res = await sh('sleep 6.54321 & echo bg; wait', 500);
    expect(res).toMatchObject({ timed_out: true, signal: 'SIGKILL', output: 'bg\n' });
    await new Promise((r) => setTimeout(r, 200));
    const left = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('6.54321');
        } catch {
          return false;
        }
      });
    expect(left).toEqual([]);
  });

  it('caps output', async () => {
    const res = await sh('while :; do echo xxxxxxxxxxxxxxx; done');
    expect(res.truncated).toBe(true);
    expect(res.output.length).toBe(2048);
  });
});
