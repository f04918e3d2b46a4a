// A private Docker engine for the compose test: its own dockerd on its own socket, data root and exec root, started
// with host networking only (no bridge, no NAT, no iptables rules), so nothing it runs can send a packet anywhere a
// process on the host could not. The data root lives in the repository's cache folder, so later runs reuse layers.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export interface Engine {
  /** The docker CLI used for this engine. */
  cli: string;
  /** Environment for docker / docker-compose talking to this engine (and only to it). */
  env: NodeJS.ProcessEnv;
  dataRoot: string;
  /** Runs the docker CLI against this engine; returns stdout. */
  docker(args: string[], opts?: { input?: string | Buffer; timeoutMs?: number }): string;
  /** Stops the daemon and reports whatever it left behind (mounts, processes); both lists should be empty. */
  stop(): Promise<{ mounts: string[]; processes: string[] }>;
}

/** The runtime the test's compose file selects for the tools and build containers (see unmasked-runtime.ts). */
export const UNMASKED_RUNTIME = 'pagi-unmasked';

/** Why no engine can be started here, or undefined when one can. */
export function engineUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'the Docker engine needs root';
  for (const bin of ['dockerd', 'docker-compose', 'debootstrap']) {
    if (!which(bin))
      return `${bin} is not installed (scripts/setup.sh installs docker.io, docker-compose, debootstrap)`;
  }
  return undefined;
}

export function which(bin: string): string | undefined {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin', ...(process.env.PATH ?? '').split(':')]) {
    const p = path.join(dir, bin);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** Debian's docker CLI speaks the daemon's API version; another one on PATH would only negotiate down to it. */
const DOCKER_CLI = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';

export async function startEngine(cacheDir: string, log: (line: string) => void): Promise<Engine> {
  const root = path.join(cacheDir, 'docker');
  const dataRoot = path.join(root, 'data');
  // Unix socket paths are limited to 107 bytes: the exec root (containerd's sockets) sits in /run, keyed by the cache.
  const execRoot = `/run/pagi-docker-${createHash('sha256').update(root).digest('hex').slice(0, 10)}`;
  const socket = path.join(execRoot, 'docker.sock');
  const pidfile = path.join(execRoot, 'dockerd.pid');
  mkdirSync(dataRoot, { recursive: true });
  mkdirSync(execRoot, { recursive: true });
  await stopStale(pidfile);

  // Its own (empty) daemon.json, so settings of a system daemon on this machine never leak in.
  const config = path.join(root, 'daemon.json');
  writeFileSync(config, '{}\n');
  const shim = writeRuntimeShim(root);
  const logFd = openSync(path.join(root, 'dockerd.log'), 'a');
  const dockerd: ChildProcess = spawn(
    which('dockerd') ?? 'dockerd',
    [
      `--config-file=${config}`,
      `--data-root=${dataRoot}`,
      `--exec-root=${execRoot}`,
      `--pidfile=${pidfile}`,
      `--host=unix://${socket}`,
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--ip-forward=false',
      '--ip-masq=false',
      '--userland-proxy=false',
      '--storage-driver=overlay2',
      '--log-level=warn',
      `--add-runtime=${UNMASKED_RUNTIME}=${shim}`,
      // dockerd uses a system containerd when one runs; its own namespaces keep it apart from a system Docker's.
      '--containerd-namespace=pagi-compose-test',
      '--containerd-plugins-namespace=pagi-compose-test-plugins',
    ],
    { stdio: ['ignore', logFd, logFd], detached: true },
  );
  dockerd.unref();
  const exited = new Promise<void>((resolve) => dockerd.once('exit', () => resolve()));

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCKER_HOST: `unix://${socket}`,
    // BuildKit would pull a frontend image for the `# syntax=` line; the legacy builder reads the Dockerfile itself.
    DOCKER_BUILDKIT: '0',
    COMPOSE_DOCKER_CLI_BUILD: '0',
    // Never the user's CLI configuration (credential helpers, contexts, a proxy for containers).
    DOCKER_CONFIG: path.join(root, 'cli'),
  };
  const deadline = Date.now() + 30_000;
  while (!(await ping(socket))) {
    if (dockerd.exitCode !== null || Date.now() > deadline) {
      throw new Error(`dockerd did not start:\n${tail(path.join(root, 'dockerd.log'))}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`dockerd ${dockerd.pid} on ${socket}, data in ${dataRoot}`);

  const docker: Engine['docker'] = (args, opts = {}) =>
    execFileSync(DOCKER_CLI, args, {
      env,
      input: opts.input,
      timeout: opts.timeoutMs ?? 120_000,
      maxBuffer: 1 << 28,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });

  const stop: Engine['stop'] = async () => {
    if (dockerd.exitCode === null) {
      dockerd.kill('SIGTERM');
      const timer = setTimeout(() => dockerd.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    // dockerd keeps the host network namespace bind-mounted under its exec root after it exits; that one is ours to
    // undo. Anything else still mounted (a container's root, a volume) is a leak and is reported.
    const ownMounts = () =>
      readFileSync('/proc/self/mountinfo', 'utf8')
        .split('\n')
        .filter((l) => l.includes(dataRoot) || l.includes(execRoot));
    for (const line of ownMounts()) {
      const target = line.split(' ')[4]!;
      if (target.startsWith(path.join(execRoot, 'netns'))) spawnSync('umount', [target]);
    }
    const mounts = ownMounts();
    const processes = processesUsing([dataRoot, execRoot]);
    if (mounts.length === 0 && processes.length === 0) rmSync(execRoot, { recursive: true, force: true });
    return { mounts, processes };
  };
  return { cli: DOCKER_CLI, env, dataRoot, docker, stop };
}

/** A daemon of an earlier run that was killed before it could stop its own: stop it before starting ours. */
async function stopStale(pidfile: string): Promise<void> {
  if (!existsSync(pidfile)) return;
  const pid = Number(readFileSync(pidfile, 'utf8').trim());
  const alive = () => {
    try {
      process.kill(pid, 0);
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'dockerd';
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive()) process.kill(pid, 'SIGKILL');
}

/** dockerd runs a runtime by path, with runc's arguments: a small script hands them to unmasked-runtime.ts. */
function writeRuntimeShim(root: string): string {
  const shim = path.join(root, 'unmasked-runtime');
  const script = path.join(import.meta.dirname, 'unmasked-runtime.ts');
  writeFileSync(shim, `#!/bin/sh\nPATH=/usr/sbin:/usr/bin:/sbin:/bin exec '${process.execPath}' '${script}' "$@"\n`, {
    mode: 0o755,
  });
  return shim;
}

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath: socket, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

/** Processes whose command line names one of these folders (the daemon's containerd, shims, containers' init). */
function processesUsing(folders: string[]): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (folders.some((f) => cmdline.includes(f))) found.push(`${pid} ${cmdline.trim()}`);
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}
