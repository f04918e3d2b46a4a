// The build service compiling real Rust with rustc inside bubblewrap, and the tools service running the result
// without a restart.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GrpcStatus } from '@pagi/contracts';
import { unary } from '@pagi/runtime';
import type { BuildServiceClient } from '@pagi/runtime/gen/build/BuildService.ts';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import {
  buildClient,
  RUN_BWRAP_TESTS,
  type RunningService,
  startService,
  tempDir,
  toolsClient,
} from '@pagi/tests/helpers/service-process.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A 20-line tool: word statistics over its arguments (also the build benchmark's program). */
export const WORDSTAT = readFileSync(path.join(import.meta.dirname, 'fixtures/wordstat.rs'), 'utf8');

const version = (v: string) => `fn main() { println!("version ${v}"); }\n`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.runIf(RUN_BWRAP_TESTS)('build service', () => {
  const tmp = tempDir('pagi-build-');
  const repo = path.join(tmp.dir, 'repo');
  let build: RunningService;
  let tools: RunningService;
  let bc: BuildServiceClient;
  let tc: ToolExecutorServiceClient;

  const create = (tool_name: string, tool_code: string) =>
    unary(bc, 'CreateTool', { tool_name, tool_code }, { deadlineMs: 60_000 });
  const refused = (tool_name: string, tool_code: string) =>
    create(tool_name, tool_code).then(
      (r) => {
        throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
      },
      (e: { code: number; details: string }) => ({ code: e.code, details: e.details }),
    );
  const execute = (tool_name: string, args: string[] = []) =>
    unary(tc, 'ExecuteTool', { tool_name, args, twin_id: '', timeout_ms: 0, stdin: '' }, { deadlineMs: 15_000 });

  beforeAll(async () => {
    const env = { DATA_DIR: tmp.dir, TOOLS_REPO_DIR: repo, TOOLS_USE_BWRAP: 'true' };
    [build, tools] = await Promise.all([
      startService('build', { ...env, BUILD_MAX_SOURCE_BYTES: '8192', BUILD_CONCURRENCY: '2' }),
      startService('tools', env),
    ]);
    bc = buildClient(build.port);
    tc = toolsClient(tools.port);
  });

  afterAll(async () => {
    bc?.close();
    tc?.close();
    await Promise.all([build?.stop(), tools?.stop()]);
    tmp.remove();
  });

  it('reports its compiler and sandbox', async () => {
    expect(await unary(bc, 'HealthCheck', {})).toMatchObject({
      status: 'ok',
      compiler_version: expect.stringMatching(/^rustc \d+\.\d+/),
      sandboxed: true,
    });
  });

  it('compiles a tool that the tools service then runs without a restart', async () => {
    const res = await create('wordstat', WORDSTAT);
    expect(res).toMatchObject({ exit_code: 0, source_hash: sha256(WORDSTAT) });
    expect(res.installed_tool).toBe('wordstat');
    expect(JSON.stringify(res)).not.toContain(tmp.dir);
    const manifest = JSON.parse(readFileSync(path.join(repo, 'wordstat', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'wordstat',
      source_hash: sha256(WORDSTAT),
      compiler_version: res.compiler_version,
    });
    expect(Date.parse(manifest.created_at)).toBeGreaterThan(Date.now() - 60_000);
    // Only the binary and its manifest: the temporary files of the install are gone.
    expect(readdirSync(path.join(repo, 'wordstat')).sort()).toEqual(['manifest.json', 'wordstat']);

    const listed = (await unary(tc, 'ListTools', { twin_id: '' })).tools.find((t) => t.name === 'wordstat');
    expect(listed?.kind).toBe('compiled');
    const run = await execute('wordstat', ['the cat and the dog', '$(rm -rf /) and']);
    expect(run).toMatchObject({ exit_code: 0, sandbox: 'bwrap' });
    expect(run.output).toBe('words: 9\nand x2\nthe x2\n');
    expect((await execute('wordstat')).exit_code).toBe(3);
  });

  it('cannot read host files at compile time', async () => {
    const res = await create('leak', 'const S: &str = include_str!("/etc/shadow");\nfn main() { print!("{}", S); }\n');
    expect(res.exit_code).not.toBe(0);
    expect(res.stderr).toMatch(/couldn't read `\/etc\/shadow`/);
    expect(res.installed_tool).toBe('');
    expect(existsSync(path.join(repo, 'leak'))).toBe(false);
  });

  it('compiles as an unprivileged user without capabilities', async () => {
    // Watched from the host while it works: every rustc process of the build, as the kernel reports it.
    const seen = new Map<string, string>();
    const watch = setInterval(() => {
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
          const status = readFileSync(`/proc/${pid}/status`, 'utf8');
          if (/^Name:\s+rustc$/m.test(status)) seen.set(pid, status);
        } catch {
          // Gone meanwhile.
        }
      }
    }, 10);
    // About a second of constant evaluation, so the compiler is there to be seen.
    const slow =
      '#![allow(long_running_const_eval)]\n' +
      'const fn spin(n: u64) -> u64 { let mut i = 0; let mut x = 0; while i < n { x ^= i; i += 1; } x }\n' +
      'const X: u64 = spin(2_000_000);\nfn main() { println!("{}", X); }\n';
    const res = await create('spinner', slow).finally(() => clearInterval(watch));
    expect(res.exit_code).toBe(0);
    expect(seen.size).toBeGreaterThan(0);
    for (const status of seen.values()) {
      const [, real, effective] = /^Uid:\s+(\d+)\s+(\d+)/m.exec(status) ?? [];
      expect(Number(real)).toBeGreaterThanOrEqual(1000);
      expect(Number(effective)).toBeGreaterThanOrEqual(1000);
      for (const set of ['CapInh', 'CapPrm', 'CapEff', 'CapAmb']) {
        expect(status).toMatch(new RegExp(`^${set}:\\s+0000000000000000$`, 'm'));
      }
    }
  });

  it('keeps the previous version when a rebuild fails, and replaces it when one succeeds', async () => {
    expect((await create('keeper', version('one'))).exit_code).toBe(0);
    expect((await execute('keeper')).output).toBe('version one\n');
    const broken = await create('keeper', 'fn main() { this is not rust }');
    expect(broken.exit_code).not.toBe(0);
    expect(broken.stderr).toMatch(/error/);
    expect((await execute('keeper')).output).toBe('version one\n');
    const manifest = JSON.parse(readFileSync(path.join(repo, 'keeper', 'manifest.json'), 'utf8'));
    expect(manifest.source_hash).toBe(sha256(version('one')));
    expect((await create('keeper', version('two'))).exit_code).toBe(0);
    expect((await execute('keeper')).output).toBe('version two\n');
  });

  it('refuses unsafe names and oversized or empty source', async () => {
    for (const name of ['../evil', 'a/b', 'Upper', '-x', '', '.hidden', 'x'.repeat(65), 'a b']) {
      expect((await refused(name, version('x'))).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    }
    const big = await refused('big', `fn main() {}\n//${'x'.repeat(8192)}`);
    expect(big).toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: expect.stringMatching(/larger than 8192/),
    });
    expect((await refused('empty', '')).code).toBe(GrpcStatus.INVALID_ARGUMENT);
  });

  it('serializes builds of one name and runs different names in parallel', async () => {
    const mark = build.logs().split('\n').length;
    await Promise.all([
      create('same', version('a')),
      create('same', version('b')),
      create('par-one', version('1')),
      create('par-two', version('2')),
    ]);
    const read = () =>
      build
        .logs()
        .split('\n')
        .slice(mark)
        .map((l) => JSON.parse(l))
        .filter((e) => e.msg === 'build started' || e.msg === 'build finished');
    // A reply can arrive before the service's last log lines have come through its output pipe.
    await expect.poll(() => read().length, { timeout: 5_000 }).toBe(8);
    const logged = read();
    const events = logged.map((e) => `${e.msg === 'build started' ? '+' : '-'}${e.tool}`);
    // Builds of "same" never overlap: each start is followed by its own finish before the next start.
    const same = events.filter((e) => e.endsWith('same'));
    expect(same).toEqual(['+same', '-same', '+same', '-same']);
    // Both parallel names started before either finished (BUILD_CONCURRENCY=2 and "same" waits its turn).
    const firstFinish = events.findIndex((e) => e.startsWith('-'));
    const started = events.slice(0, firstFinish).filter((e) => e.startsWith('+'));
    expect(started.length).toBe(2);
    // The build that ran last is the one installed.
    const last = logged.filter((e) => e.msg === 'build started' && e.tool === 'same').at(-1);
    const expected = last.source_hash === sha256(version('b')) ? 'b' : 'a';
    expect((await execute('same')).output).toBe(`version ${expected}\n`);
  });
});

describe.runIf(RUN_BWRAP_TESTS)('build timeout', () => {
  const tmp = tempDir('pagi-build-timeout-');
  let build: RunningService;
  let bc: BuildServiceClient;

  beforeAll(async () => {
    build = await startService('build', {
      DATA_DIR: tmp.dir,
      TOOLS_REPO_DIR: path.join(tmp.dir, 'repo'),
      TOOLS_USE_BWRAP: 'true',
      BUILD_TIMEOUT_MS: '1500',
    });
    bc = buildClient(build.port);
  });

  afterAll(async () => {
    bc?.close();
    await build?.stop();
    tmp.remove();
  });

  it('stops a compilation that runs past BUILD_TIMEOUT_MS', async () => {
    const endless = `#![allow(long_running_const_eval)]
const fn spin() -> u64 { let mut i: u64 = 0; let mut x: u64 = 1; while i < u64::MAX { x = x.wrapping_mul(31).wrapping_add(i); i += 1; } x }
const X: u64 = spin();
fn main() { println!("{}", X); }
`;
    const started = Date.now();
    const res = await unary(bc, 'CreateTool', { tool_name: 'endless', tool_code: endless }, { deadlineMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(6000);
    expect(res.exit_code).not.toBe(0);
    expect(res.stderr).toMatch(/compilation stopped after 1500 ms/);
    expect(existsSync(path.join(tmp.dir, 'repo', 'endless'))).toBe(false);
    expect(readdirSync(path.join(tmp.dir, 'sandbox'))).toEqual([]);
  });
});
