// Each backend image, rebuilt without Docker: the files the Dockerfile copies (taken from git, so nothing untracked
// slips in), the same filtered production install, then the service must start and answer its health check. It stands
// in for the compose test (tests/compose), which builds the real images and starts each one healthy, on machines
// where that test cannot run; where it can (CI always), the real images are the proof and this rebuild is left out.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../scripts/stack/catalog.ts';
import { waitHealthy } from '../../scripts/stack/health.ts';
import { engineUnavailable } from '../compose/engine.ts';
import { reservePort } from '../helpers/ports.ts';
import { REPO_ROOT } from '../helpers/stack.ts';

const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
// Sources the image holds: every `COPY <src> <dest>` of the build and runtime stages that is not from a stage.
const copied = [...dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+) \S+$/gm)].flatMap((m) => m[1]!.split(' '));
const services = CATALOG.filter((s) => s.name !== 'frontend');
const dirs: string[] = [];
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.runIf(engineUnavailable()).each(services)('the $name image', (spec) => {
  it('installs only its own dependencies and starts healthy', async () => {
    const root = mkdtempSync(path.join(tmpdir(), `pagi-image-${spec.name}-`));
    dirs.push(root);
    // Like /app in the image: readable by everyone (tools run as an unprivileged user below DATA_DIR).
    chmodSync(root, 0o755);
    const archive = execFileSync('git', ['archive', 'HEAD', ...copied], { cwd: REPO_ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', root], { input: archive });
    rmSync(path.join(root, 'services', spec.name, 'test'), { recursive: true, force: true });
    execFileSync('pnpm', ['install', '--frozen-lockfile', '--prod', '--offline', '--filter', `@pagi/${spec.name}...`], {
      cwd: root,
      stdio: 'ignore',
    });

    const ports: Record<string, number> = {};
    for (const v of Object.keys(spec.ports)) ports[v] = await reservePort();
    child = spawn(process.execPath, [path.join(root, spec.entry)], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PAGI_ROOT: root,
        PAGI_ENV_FILE: '/nonexistent',
        DATA_DIR: path.join(root, 'data'),
        LOG_LEVEL: 'warn',
        LLM_PROVIDER: 'mock',
        INGEST_WATCH: 'false',
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (d) => {
        output += d;
      });
    }
    await waitHealthy(spec, ports, { timeoutMs: 30_000, exited: () => child!.exitCode !== null }).catch((err) => {
      throw new Error(`${(err as Error).message}\n${output}`);
    });
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 90_000);
});
