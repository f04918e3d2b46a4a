// Every service reads its configuration the same way, through runService(): the environment, then `.env`, and the
// logger is made at the configured level — so LOG_LEVEL in `.env` quiets (or opens up) every service alike.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../scripts/stack/catalog.ts';
import { waitHealthy } from '../../scripts/stack/health.ts';
import { releasePorts, reservePort } from '../helpers/ports.ts';
import { REPO_ROOT } from '../helpers/stack.ts';

const BACKEND = CATALOG.filter((s) => s.name !== 'frontend');
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts one service with only `.env` to configure its log level; returns what it printed until it was healthy. */
async function startWithDotEnv(name: string, dotenv: string): Promise<{ lines: string[]; exitCode: number | null }> {
  const spec = BACKEND.find((s) => s.name === name)!;
  const dir = mkdtempSync(path.join(tmpdir(), `pagi-env-${name}-`));
  dirs.push(dir);
  // The tools sandbox runs programs as an unprivileged user, who must be able to reach DATA_DIR.
  chmodSync(dir, 0o755);
  const envFile = path.join(dir, '.env');
  writeFileSync(envFile, dotenv);
  const ports: Record<string, number> = {};
  for (const v of Object.keys(spec.ports)) ports[v] = await reservePort();
  const { LOG_LEVEL: _inherited, ...parent } = process.env;
  const child = spawn(process.execPath, [path.join(REPO_ROOT, spec.entry)], {
    cwd: REPO_ROOT,
    env: {
      PATH: parent.PATH,
      HOME: parent.HOME,
      PAGI_ROOT: REPO_ROOT,
      PAGI_ENV_FILE: envFile,
      DATA_DIR: path.join(dir, 'data'),
      LLM_PROVIDER: 'mock',
      INGEST_WATCH: 'false',
      // Dependencies are not running: their addresses point at nothing.
      MEMORY_GRPC_ADDR: 'http://127.0.0.1:1',
      TOOLS_GRPC_ADDR: 'http://127.0.0.1:1',
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
  }
  try {
    await waitHealthy(spec, ports, { timeoutMs: 30_000, exited: () => child.exitCode !== null });
    child.kill('SIGTERM');
    const [exitCode] = await once(child, 'exit');
    return { lines, exitCode };
  } finally {
    releasePorts(Object.values(ports));
  }
}

const levels = (lines: string[]) =>
  lines.flatMap((l) => {
    try {
      return [(JSON.parse(l) as { level: number }).level];
    } catch {
      return [];
    }
  });

describe('LOG_LEVEL from .env', () => {
  it.each(BACKEND.map((s) => s.name))(
    '%s logs nothing below warn when .env says LOG_LEVEL=warn',
    async (name) => {
      const { lines, exitCode } = await startWithDotEnv(name, 'LOG_LEVEL=warn\n');
      expect(exitCode).toBe(0);
      // pino levels: 30 info, 40 warn. A service without bubblewrap or rustc may warn; none may say info.
      expect(levels(lines).filter((l) => l < 40)).toEqual([]);
    },
    60_000,
  );

  it('logs its start at info when .env says LOG_LEVEL=info', async () => {
    const { lines } = await startWithDotEnv('tools', 'LOG_LEVEL=info\n');
    expect(levels(lines)).toContain(30);
  }, 60_000);
});
