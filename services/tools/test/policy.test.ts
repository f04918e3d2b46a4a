// Policy enforcement through the real service: names, allowlists per twin, restricted commands, argument rules,
// the audit log and live reloads of the policy file.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GrpcStatus } from '@pagi/contracts';
import { unary } from '@pagi/runtime';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import { type RunningService, startService, tempDir, toolsClient } from '@pagi/tests/helpers/service-process.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_TWIN, labPolicy, writePolicy } from './helpers/policies.ts';

type Req = { tool_name: string; args?: string[]; twin_id?: string; timeout_ms?: number; stdin?: string };

function caller(client: () => ToolExecutorServiceClient) {
  const exec = (r: Req) =>
    unary(client(), 'ExecuteTool', { args: [], twin_id: '', timeout_ms: 0, stdin: '', ...r }, { deadlineMs: 15_000 });
  const refusal = async (r: Req) => {
    const err = (await exec(r).then(
      (res) => {
        throw new Error(`expected a refusal, got ${JSON.stringify(res)}`);
      },
      (e: unknown) => e,
    )) as { code: number; details: string };
    return { code: err.code, details: err.details };
  };
  const list = async (twin_id: string) => (await unary(client(), 'ListTools', { twin_id })).tools;
  return { exec, refusal, list };
}

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

describe('tool policy', () => {
  const tmp = tempDir('pagi-tools-policy-');
  const repo = path.join(tmp.dir, 'repo');
  let policyFile: string;
  let svc: RunningService;
  let client: ToolExecutorServiceClient;
  const { exec, refusal, list } = caller(() => client);

  beforeAll(async () => {
    mkdirSync(repo);
    policyFile = writePolicy(tmp.dir, labPolicy(['dd', 'chmod', 'seq', 'grep']));
    svc = await startService('tools', {
      DATA_DIR: tmp.dir,
      TOOLS_POLICY_FILE: policyFile,
      TOOLS_REPO_DIR: repo,
    });
    client = toolsClient(svc.port);
  });

  afterAll(async () => {
    client?.close();
    await svc?.stop();
    tmp.remove();
  });

  it('refuses tool names with "/" or ".." and unknown tools', async () => {
    for (const name of ['/usr/bin/id', '../sh', 'a/b', '..', '.hidden', '-rf', '']) {
      expect((await refusal({ tool_name: name })).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    }
    const unknown = await refusal({ tool_name: 'no_such_tool' });
    expect(unknown).toEqual({ code: GrpcStatus.NOT_FOUND, details: 'unknown tool no_such_tool' });
  });

  it('refuses restricted commands with the reason, even when an allowlist names them', async () => {
    const rm = await refusal({ tool_name: 'rm', args: ['-rf', '/'], twin_id: LAB_TWIN });
    expect(rm.code).toBe(GrpcStatus.PERMISSION_DENIED);
    expect(rm.details).toMatch(/rm is a restricted command \(deletes or destroys files\)/);
    const mkfs = await refusal({ tool_name: 'mkfs', args: ['/dev/sda'] });
    expect(mkfs.code).toBe(GrpcStatus.PERMISSION_DENIED);
    const dd = await refusal({ tool_name: 'dd', args: ['if=/dev/zero', 'of=/dev/sda'], twin_id: LAB_TWIN });
    expect(dd.details).toMatch(/writes straight to a device/);
    const chmod = await refusal({ tool_name: 'chmod', args: ['777', '/etc'], twin_id: LAB_TWIN });
    expect(chmod.details).toMatch(/system paths/);
    expect((await refusal({ tool_name: 'shutdown', args: ['-h', 'now'] })).code).toBe(GrpcStatus.PERMISSION_DENIED);
  });

  it('scopes the allowlist per twin, with "*" for every other twin', async () => {
    expect((await exec({ tool_name: 'echo', args: ['hi'], twin_id: 'someone' })).output).toBe('hi\n');
    const sh = await refusal({ tool_name: 'sh', args: ['-c', 'true'], twin_id: 'someone' });
    expect(sh).toEqual({ code: GrpcStatus.PERMISSION_DENIED, details: 'tool sh is not allowed for twin someone' });
    expect((await exec({ tool_name: 'sh', args: ['-c', 'echo lab'], twin_id: LAB_TWIN })).output).toBe('lab\n');
    // The lab entry replaces the default one: date is not in it.
    expect((await refusal({ tool_name: 'date', twin_id: LAB_TWIN })).code).toBe(GrpcStatus.PERMISSION_DENIED);
  });

  it('applies argument rules', async () => {
    expect((await exec({ tool_name: 'seq', args: ['3'] })).output).toBe('1\n2\n3\n');
    const big = await refusal({ tool_name: 'seq', args: ['999999999'] });
    expect(big).toMatchObject({
      code: GrpcStatus.PERMISSION_DENIED,
      details: expect.stringMatching(/not among the permitted/),
    });
    const grep = await refusal({ tool_name: 'grep', args: ['-r', 'root', '/'] });
    expect(grep.details).toMatch(/argument 1 of grep \("-r"\) is refused/);
    const many = await refusal({ tool_name: 'echo', args: Array.from({ length: 65 }, () => 'x') });
    expect(many.details).toMatch(/at most 64 arguments/);
  });

  it('validates the request', async () => {
    expect((await refusal({ tool_name: 'echo', twin_id: '../x' })).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect((await refusal({ tool_name: 'echo', args: Array(300).fill('a') })).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect((await refusal({ tool_name: 'echo', args: ['a\0b'] })).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect((await refusal({ tool_name: 'echo', stdin: 'x'.repeat(1024 * 1024 + 1) })).code).toBe(
      GrpcStatus.INVALID_ARGUMENT,
    );
  });

  it('lists what each twin may run, with kinds', async () => {
    const everyone = await list('');
    const byName = new Map(everyone.map((t) => [t.name, t]));
    expect(byName.get('echo')).toMatchObject({ kind: 'system', description: 'Print the arguments' });
    expect(byName.get('network_scan')?.kind).toBe('builtin');
    expect(byName.has('sh')).toBe(false);
    const lab = (await list(LAB_TWIN)).map((t) => t.name);
    expect(lab).toContain('sh');
    expect(lab).not.toContain('network_scan');
    // Restricted outright: not offered while the gate is closed.
    expect(lab).not.toContain('rm');
    expect(lab).toContain('echo');
  });

  it('sees a new compiled tool without a restart', async () => {
    expect((await list('')).some((t) => t.name === 'greeter')).toBe(false);
    mkdirSync(path.join(repo, 'greeter'));
    const bin = path.join(repo, 'greeter', 'greeter');
    writeFileSync(bin, '#!/bin/sh\necho "greetings, $1"\n');
    chmodSync(bin, 0o755);
    const tools = await list('');
    expect(tools.find((t) => t.name === 'greeter')?.kind).toBe('compiled');
    const res = await exec({ tool_name: 'greeter', args: ['twin'] });
    expect(res.output).toBe('greetings, twin\n');
    // The lab twin's entry does not allow compiled tools.
    expect((await refusal({ tool_name: 'greeter', twin_id: LAB_TWIN })).code).toBe(GrpcStatus.PERMISSION_DENIED);
  });

  it('writes every execution and refusal to the audit log', async () => {
    await exec({ tool_name: 'echo', args: ['audited'], twin_id: 'auditor' });
    await refusal({ tool_name: 'rm', args: ['-rf', '/'], twin_id: 'auditor' });
    const lines = readFileSync(path.join(tmp.dir, 'state', 'tools_audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const mine = lines.filter((l) => l.twin_id === 'auditor');
    expect(mine).toEqual([
      expect.objectContaining({ tool: 'echo', args: ['audited'], decision: 'executed', exit_code: 0 }),
      expect.objectContaining({ tool: 'rm', decision: 'refused', reason: expect.stringMatching(/restricted/) }),
    ]);
    expect(lines.some((l) => l.decision === 'refused' && l.tool === 'no_such_tool')).toBe(true);
    expect(lines).toContainEqual(
      expect.objectContaining({
        tool: '../sh',
        kind: 'invalid',
        decision: 'refused',
        reason: expect.stringMatching(/\.\./),
      }),
    );
  });

  it('reloads the policy on change and keeps the previous one when the new file is invalid', async () => {
    const withSh = labPolicy(['dd', 'chmod', 'seq', 'grep']).replace(
      '      - network_scan\n',
      '      - network_scan\n      - sh\n',
    );
    writeFileSync(policyFile, withSh);
    const tools = await eventually(
      () => list(''),
      (t) => t.some((x) => x.name === 'sh'),
    );
    expect(tools.some((x) => x.name === 'sh')).toBe(true);
    expect((await exec({ tool_name: 'sh', args: ['-c', 'echo reloaded'] })).output).toBe('reloaded\n');

    writeFileSync(policyFile, 'version: 2\ntwins: {}\n');
    await eventually(
      async () => svc.logs(),
      (l) => l.includes('policy reload rejected'),
    );
    const rejected = svc
      .logs()
      .split('\n')
      .find((l) => l.includes('policy reload rejected'));
    expect(JSON.parse(rejected!)).toMatchObject({ level: 50, err: expect.stringMatching(/version/) });
    expect((await exec({ tool_name: 'sh', args: ['-c', 'echo kept'] })).output).toBe('kept\n');
  });
});

describe('restricted commands with ALLOW_RESTRICTED_COMMANDS=true', () => {
  const tmp = tempDir('pagi-tools-gate-');
  let svc: RunningService;
  let client: ToolExecutorServiceClient;
  const { exec } = caller(() => client);

  beforeAll(async () => {
    svc = await startService('tools', {
      DATA_DIR: tmp.dir,
      TOOLS_POLICY_FILE: writePolicy(tmp.dir, labPolicy()),
      TOOLS_REPO_DIR: path.join(tmp.dir, 'repo'),
      ALLOW_RESTRICTED_COMMANDS: 'true',
    });
    client = toolsClient(svc.port);
  });

  afterAll(async () => {
    client?.close();
    await svc?.stop();
    tmp.remove();
  });

  it('runs them, still inside the sandbox', async () => {
    const res = await exec({ tool_name: 'rm', args: ['-rf', '--no-preserve-root', '/'], twin_id: LAB_TWIN });
    expect(res.exit_code).not.toBe(0);
    const after = await exec({ tool_name: 'echo', args: ['host intact'] });
    expect(after.output).toBe('host intact\n');
  });
});
