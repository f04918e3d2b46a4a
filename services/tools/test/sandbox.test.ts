// The sandbox as a hostile tool sees it: real bubblewrap, a real service process, real gRPC calls.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { unary } from '@pagi/runtime';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import {
  RUN_BWRAP_TESTS,
  type RunningService,
  startService,
  tempDir,
  toolsClient,
} from '@pagi/tests/helpers/service-process.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_TWIN, labPolicy, writePolicy } from './helpers/policies.ts';

const SECRET = `s3cret-${randomBytes(8).toString('hex')}`;
const OUTPUT_CAP = 65_536;
const SCRATCH_MB = 8;

/** Processes on the host whose command line contains `needle` (other than this test's own). */
function hostProcesses(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmd.includes(needle) && Number(pid) !== process.pid) found.push(`${pid}: ${cmd}`);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** Shared memory of the host (tmpfs included), from /proc/meminfo. */
function hostShmemKb(): number {
  return Number(/^Shmem:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
}

async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe.runIf(RUN_BWRAP_TESTS)('bubblewrap sandbox', () => {
  const tmp = tempDir('pagi-tools-sandbox-');
  // DATA_DIR is a private (0700) temporary folder, as the stack helper makes it.
  const dataDir = tmp.dir;
  const sandboxDir = path.join(dataDir, 'sandbox');
  let svc: RunningService;
  let client: ToolExecutorServiceClient;

  const run = (tool: string, args: string[] = [], extra: { timeout_ms?: number; stdin?: string } = {}) =>
    unary(
      client,
      'ExecuteTool',
      { tool_name: tool, args, twin_id: LAB_TWIN, timeout_ms: extra.timeout_ms ?? 0, stdin: extra.stdin ?? '' },
      { deadlineMs: 20_000 },
    );
  const sh = (script: string, extra: { timeout_ms?: number; stdin?: string } = {}) => run('sh', ['-c', script], extra);

  beforeAll(async () => {
    const policyFile = writePolicy(
      tmp.dir,
      labPolicy(['bash']).replace(
        'system_tools:\n',
        'system_tools:\n  bash: { path: /usr/bin/bash, description: shell }\n',
      ),
    );
    svc = await startService('tools', {
      DATA_DIR: dataDir,
      TOOLS_POLICY_FILE: policyFile,
      TOOLS_REPO_DIR: path.join(tmp.dir, 'repo'),
      TOOLS_USE_BWRAP: 'true',
      TOOLS_TIMEOUT_MS: '10000',
      TOOLS_OUTPUT_MAX_BYTES: String(OUTPUT_CAP),
      TOOLS_MAX_PROCESSES: '32',
      TOOLS_MAX_MEMORY_MB: '256',
      TOOLS_SCRATCH_MB: String(SCRATCH_MB),
      PAGI_TEST_SECRET: SECRET,
    });
    client = toolsClient(svc.port);
  });

  afterAll(async () => {
    client?.close();
    await svc?.stop();
    tmp.remove();
  });

  it('runs under bubblewrap as an unprivileged user and says so', async () => {
    const health = await unary(client, 'HealthCheck', {});
    expect(health).toMatchObject({ status: 'ok', sandbox: 'bwrap', bwrap_available: true });
    const res = await run('echo', ['hello']);
    expect(res).toMatchObject({
      output: 'hello\n',
      exit_code: 0,
      sandbox: 'bwrap',
      timed_out: false,
      truncated: false,
    });
    const id = await sh('id -u');
    expect(id.output.trim()).not.toBe('0');
  });

  it('cannot read /etc/shadow', async () => {
    const res = await sh('cat /etc/shadow; ls /etc');
    expect(res.output).not.toMatch(/root:/);
    expect(res.output).not.toMatch(/shadow/);
    expect(res.stderr).toMatch(/shadow: No such file/);
  });

  it("cannot see the service's environment", async () => {
    expect(svc.child.pid).toBeDefined();
    const res = await sh('env; for f in /proc/*/environ; do cat "$f"; echo; done 2>/dev/null; ls /proc');
    expect(res.output).not.toContain(SECRET);
    const names = res.output
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split('=')[0]);
    expect(new Set(names)).toEqual(new Set(['PATH', 'HOME', 'LANG', 'PWD']));
    // Its own PID namespace: the service's process is not there.
    expect(res.output.split('\n')).not.toContain(String(svc.child.pid));
  });

  it("cannot reach a TCP listener on the host's loopback", async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections += 1;
      s.end('hello\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const script = `exec 3<>/dev/tcp/127.0.0.1/${port} && echo connected`;
    try {
      // The same probe reaches the listener from the host, so a pass below means the sandbox blocked it.
      expect(spawnSync('/usr/bin/bash', ['-c', script], { encoding: 'utf8' }).stdout).toContain('connected');
      expect(await eventually(() => connections === 1)).toBe(true);
      const before = connections;
      const res = await run('bash', ['-c', script]);
      expect(res.output).not.toContain('connected');
      expect(res.exit_code).not.toBe(0);
      expect(connections).toBe(before);
    } finally {
      server.close();
    }
  });

  it('cannot write outside its run directory, through .. or symlinks either', async () => {
    const outside = tempDir('pagi-tools-outside-');
    chmodSync(outside.dir, 0o777);
    try {
      const res = await sh(
        [
          'echo ok > inside && cat inside',
          'echo x > ../escape-dotdot',
          'echo x > /sandbox/../escape-root',
          `ln -s ${outside.dir}/target link-abs; echo x > link-abs`,
          'ln -s .. up; echo x > up/escape-up',
          `ln -s ${sandboxDir} sbx; echo x > sbx/escape-sbx`,
          `echo x > ${outside.dir}/direct`,
          'echo x > /usr/escape-usr',
          'echo x > /etc/escape-etc',
          'echo x > /tmp/only-private',
          'ls /tmp',
        ].join('; '),
      );
      expect(res.output).toBe('ok\nonly-private\n');
      expect(readdirSync(outside.dir)).toEqual([]);
      expect(existsSync('/usr/escape-usr')).toBe(false);
      expect(existsSync('/etc/escape-etc')).toBe(false);
      expect(existsSync('/tmp/only-private')).toBe(false);
      // The run directory and everything the tool made are gone afterwards, and nothing landed beside it.
      expect(readdirSync(sandboxDir)).toEqual([]);
    } finally {
      outside.remove();
    }
  });

  it('is killed at the timeout with no process left behind', async () => {
    const started = Date.now();
    const res = await sh('sleep 3217 & sleep 3218 & echo started; wait', { timeout_ms: 800 });
    expect(res.timed_out).toBe(true);
    expect(res.signal).toBe('SIGKILL');
    expect(res.output).toBe('started\n');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await eventually(() => hostProcesses('sleep 321').length === 0)).toBe(true);
  });

  it('cuts output at the cap and flags it truncated', async () => {
    const started = Date.now();
    const res = await sh('while :; do echo 0123456789abcdef; done');
    expect(res.truncated).toBe(true);
    expect(Buffer.byteLength(res.output)).toBe(OUTPUT_CAP);
    expect(res.output.startsWith('0123456789abcdef\n')).toBe(true);
    expect(Date.now() - started).toBeLessThan(4000);
    const small = await run('echo', ['short']);
    expect(small.truncated).toBe(false);
  });

  it('bounds the number of processes', async () => {
    const res = await sh('for i in $(seq 1 100); do sleep 4.3217 & done; echo spawned', { timeout_ms: 2000 });
    expect(res.stderr).toMatch(/fork/i);
    expect(await eventually(() => hostProcesses('sleep 4.3217').length === 0)).toBe(true);
  });

  it('contains a fork bomb without harming the host', async () => {
    const started = Date.now();
    const res = await sh('bomb7x() { bomb7x | bomb7x & }; bomb7x; sleep 3', { timeout_ms: 2500 });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(res.sandbox).toBe('bwrap');
    // The test process can still start programs, and nothing of the bomb survives.
    expect(spawnSync('/usr/bin/true').status).toBe(0);
    expect(await eventually(() => hostProcesses('bomb7x').length === 0)).toBe(true);
    const after = await run('echo', ['still fine']);
    expect(after.output).toBe('still fine\n');
  });

  it('bounds memory', async () => {
    // 400 MB in one shell variable: fine for the host, over the 256 MiB limit of the service under test.
    const script = 'a=$(head -c 400000000 /dev/zero | tr "\\0" x); echo allocated';
    const res = await run('bash', ['-c', script], { timeout_ms: 5000 });
    expect(res.output).not.toContain('allocated');
    expect(res.exit_code).not.toBe(0);
  });

  it('passes arguments as argv: shell metacharacters are inert', async () => {
    const args = ['$(id)', '`whoami`', '; cat /etc/passwd', '| ls /', '&& echo pwned', '$HOME', '*', '\'"', '>out'];
    const res = await run('echo', args);
    expect(res.output).toBe(`${args.join(' ')}\n`);
    const ls = await sh('ls -A');
    expect(ls.output).toBe('');
  });

  it('feeds stdin to the program', async () => {
    const res = await run('cat', [], { stdin: 'line one\nline two\n' });
    expect(res.output).toBe('line one\nline two\n');
  });

  it('reports the exit status and the signal of a program', async () => {
    expect((await sh('exit 7')).exit_code).toBe(7);
    const killed = await sh('kill -TERM $$');
    expect(killed.signal).toBe('SIGTERM');
    expect(killed.exit_code).toBe(143);
  });

  it('cannot fill the host: the root is read-only and every writable place is capped', async () => {
    const shmemBefore = hostShmemKb();
    const res = await sh(
      [
        'head -c 200000000 /dev/zero > /big-root 2>/dev/null || echo root-refused',
        'head -c 200000000 /dev/zero > /sandbox/big 2>/dev/null || echo work-full',
        'head -c 200000000 /dev/zero > /tmp/big 2>/dev/null || echo tmp-full',
        'wc -c < /sandbox/big; wc -c < /tmp/big',
      ].join('; '),
    );
    const [root, work, tmpFull, workBytes, tmpBytes] = res.output.trim().split('\n');
    expect([root, work, tmpFull]).toEqual(['root-refused', 'work-full', 'tmp-full']);
    expect(Number(workBytes)).toBeLessThanOrEqual(SCRATCH_MB * 1024 * 1024);
    expect(Number(tmpBytes)).toBeLessThanOrEqual(SCRATCH_MB * 1024 * 1024);
    // The scratch space is memory, given back when the run ends (within the noise of the rest of the machine).
    expect(hostShmemKb() - shmemBefore).toBeLessThan(64 * 1024);
  });

  it('gives each concurrent run its own process budget', async () => {
    // One run holds most of its budget of 32: 20 sleeps, its shell and bubblewrap's two processes. (It stays below
    // the limit on purpose: a shell whose fork fails exits at once, which would free the budget again.)
    const hog = sh('for i in $(seq 1 20); do sleep 9.4321 & done; wait', { timeout_ms: 8000 });
    const held = () => hostProcesses('sleep 9.4321').length;
    expect(await eventually(() => held() === 23, 7000)).toBe(true);
    // Another run forks 8 more while the first still holds its 23: together 34 processes, more than one budget.
    const other = await sh('for i in 1 2 3 4 5 6 7 8; do sleep 1 & done; wait && echo forked');
    expect(other.output).toBe('forked\n');
    expect(other.stderr).not.toMatch(/fork/i);
    expect(held()).toBe(23);
    expect((await hog).timed_out).toBe(true);
    expect(await eventually(() => held() === 0)).toBe(true);
  });

  it("shows the tool neither the host's paths nor the sandbox's settings in the sandbox's command line", async () => {
    const res = await sh('tr "\\0" " " < /proc/1/cmdline; echo');
    expect(res.output).not.toContain(dataDir);
    expect(res.output).not.toMatch(/--bind|--ro-bind|--setenv|prlimit/);
    // Only the program and its own arguments follow the sandbox's name.
    expect(res.output.split('\n')[0]).toMatch(/^\S*bwrap --args 3 \S*sh -c tr /);
  });
});
