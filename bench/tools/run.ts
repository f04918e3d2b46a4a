// Tools benchmark: ExecuteTool round trip over gRPC for `true` under bubblewrap versus a plain spawn of the same
// program from this process, and CreateTool for a 20-line Rust program. Prints one JSON object.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkGrpcHealth, createClient, loadProto, unary } from '@pagi/runtime';
import { reservePort } from '@pagi/tests/helpers/ports.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { Sandbox, UID_RANGE, UidPool } from '@pagi/tools';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXEC_RUNS = Number(process.env.BENCH_EXEC_RUNS ?? 300);
const BUILD_RUNS = Number(process.env.BENCH_BUILD_RUNS ?? 7);
const WARMUP = 20;

function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}
const summary = (samples: number[]) => ({
  p50_ms: +quantile(samples, 0.5).toFixed(2),
  p99_ms: +quantile(samples, 0.99).toFixed(2),
  n: samples.length,
});

async function startService(name: 'tools' | 'build', env: Record<string, string>) {
  const port = await reservePort();
  const vars =
    name === 'tools' ? ['TOOLS_GRPC_PORT', 'TOOLS_METRICS_PORT'] : ['BUILD_SERVICE_PORT', 'BUILD_METRICS_PORT'];
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, `services/${name}/src/main.ts`)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PAGI_ROOT: ROOT,
      PAGI_ENV_FILE: '/nonexistent',
      LOG_LEVEL: 'warn',
      SERVICE_TOKEN: TEST_SERVICE_TOKEN,
      [vars[0]!]: String(port),
      [vars[1]!]: String(await reservePort()),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 20_000;
  while ((await checkGrpcHealth(`127.0.0.1:${port}`, '', 500).catch(() => 'DOWN')) !== 'SERVING') {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, stop: () => child.kill('SIGTERM') };
}

/** The same bubblewrap invocation the service makes, spawned straight from this process (no gRPC, no policy). */
async function directSandbox(sandbox: Sandbox, workDir: string): Promise<number> {
  const t0 = performance.now();
  const res = await sandbox.run({
    program: '/usr/bin/true',
    args: [],
    hostDir: workDir,
    timeoutMs: 10_000,
    outputMaxBytes: 1024,
    limits: { processes: 64, memoryBytes: 512 * 1024 * 1024, fileBytes: 64 * 1024 * 1024, scratchBytes: 64 << 20 },
  });
  if (res.exitCode !== 0) throw new Error(`direct bwrap run failed: ${res.stderr}`);
  return performance.now() - t0;
}

function plainSpawn(): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/true', [], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.once('error', reject);
    child.once('close', () => resolve(performance.now() - t0));
  });
}

const loadBefore = loadavg()[0]!;
const data = mkdtempSync(path.join(tmpdir(), 'pagi-bench-tools-'));
const env = { DATA_DIR: data, TOOLS_REPO_DIR: path.join(data, 'repo'), TOOLS_USE_BWRAP: 'true' };
const tools = await startService('tools', env);
const build = await startService('build', env);
try {
  const proto = loadProto('tools');
  const tc = createClient(proto.tools.ToolExecutorService, `127.0.0.1:${tools.port}`, TEST_SERVICE_TOKEN);
  const bc = createClient(loadProto('build').build.BuildService, `127.0.0.1:${build.port}`, TEST_SERVICE_TOKEN);
  const execTrue = async () => {
    const t0 = performance.now();
    const res = await unary(tc, 'ExecuteTool', { tool_name: 'true', args: [], twin_id: '', timeout_ms: 0, stdin: '' });
    if (res.exit_code !== 0 || res.sandbox !== 'bwrap') throw new Error(`unexpected result ${JSON.stringify(res)}`);
    return performance.now() - t0;
  };

  // The same kind of run user the service lends (its own per run when root).
  const users = process.getuid?.() === 0 ? new UidPool(230_000, UID_RANGE) : undefined;
  const direct = new Sandbox({ kind: 'bwrap', bwrapPath: 'bwrap', users });
  const workDir = path.join(data, 'direct-run');
  mkdirSync(workDir, { recursive: true });

  for (let i = 0; i < WARMUP; i++) {
    await execTrue();
    await directSandbox(direct, workDir);
    await plainSpawn();
  }
  // Interleaved, so all three see the same machine load.
  const sandboxed: number[] = [];
  const bwrapDirect: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < EXEC_RUNS; i++) {
    sandboxed.push(await execTrue());
    bwrapDirect.push(await directSandbox(direct, workDir));
    plain.push(await plainSpawn());
  }

  const source = readFileSync(path.join(import.meta.dirname, '../../services/build/test/fixtures/wordstat.rs'), 'utf8');
  const builds: number[] = [];
  for (let i = 0; i < BUILD_RUNS; i++) {
    const t0 = performance.now();
    const res = await unary(bc, 'CreateTool', { tool_name: 'wordstat', tool_code: source }, { deadlineMs: 120_000 });
    if (res.exit_code !== 0) throw new Error(`build failed: ${res.stderr}`);
    builds.push(performance.now() - t0);
  }
  tc.close();
  bc.close();

  const s = summary(sandboxed);
  const p = summary(plain);
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'tools',
        execute_tool_true: {
          sandboxed_grpc_round_trip: s,
          plain_spawn: p,
          // Diagnostic: the same bwrap command without the service (its share is the gRPC, policy and run folder).
          bwrap_direct_spawn: summary(bwrapDirect),
          ratio_p50: +(s.p50_ms / p.p50_ms).toFixed(2),
          ratio_p99: +(s.p99_ms / p.p99_ms).toFixed(2),
          target_p50_le_15ms: s.p50_ms <= 15,
          target_ratio_le_5x: s.p50_ms / p.p50_ms <= 5,
        },
        create_tool_20_lines: { ...summary(builds), source_lines: source.trimEnd().split('\n').length },
        environment: {
          cpus: cpus().length,
          // Other work on the machine skews both sides; the 1-minute load average before and after the run.
          load_average_1m: [+loadBefore.toFixed(2), +loadavg()[0]!.toFixed(2)],
          node: process.version,
          bwrap: execFileSync('bwrap', ['--version'], { encoding: 'utf8' }).trim(),
          rustc: execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim(),
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  tools.stop();
  build.stop();
  await new Promise((r) => setTimeout(r, 300));
  rmSync(data, { recursive: true, force: true });
}
