// The dev stack's supervisor, started in the background by up.ts: starts every service that exists in
// dependency order, waits for each to be healthy, prefixes each line of output with the service's name, and on
// SIGTERM stops them in reverse order. Its process group holds every service, so stop-dev can always clean up.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CATALOG, type ServiceSpec } from '../stack/catalog.ts';
import { waitHealthy } from '../stack/health.ts';
import { PID_FILE, ROOT } from './paths.ts';

const width = Math.max(...CATALOG.map((s) => s.name.length));
const say = (msg: string) => process.stdout.write(`${'[dev]'.padEnd(width + 3)}${msg}\n`);
const children: { spec: ServiceSpec; child: ChildProcess }[] = [];
let stopping = false;

const ports: Record<string, number> = {};
for (const spec of CATALOG) {
  for (const [v, fallback] of Object.entries(spec.ports)) ports[v] = Number(process.env[v] ?? fallback);
}
const addresses: Record<string, string> = {};
for (const spec of CATALOG) Object.assign(addresses, spec.exports(ports));

function launch(spec: ServiceSpec): ChildProcess {
  const [cmd, ...args] = spec.command
    ? [path.join(ROOT, spec.command[0]!), ...spec.command.slice(1)]
    : [process.execPath, path.join(ROOT, spec.entry)];
  const child = spawn(cmd!, args, {
    cwd: ROOT,
    env: { ...spec.env, ...addresses, ...process.env, PAGI_ROOT: ROOT, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${spec.name}]`.padEnd(width + 3);
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) say(`${spec.name} exited (${signal ?? `code ${code}`})`);
  });
  return child;
}

async function stopAll(code: number): Promise<never> {
  stopping = true;
  for (const { spec, child } of children.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    say(`stopping ${spec.name}`);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(PID_FILE, { force: true });
  say('stopped');
  process.exit(code);
}

process.on('SIGTERM', () => void stopAll(0));
process.on('SIGINT', () => void stopAll(0));

const available = CATALOG.filter((s) => existsSync(path.join(ROOT, s.entry)));
say(`starting ${available.map((s) => s.name).join(', ')}`);
try {
  for (const spec of available) {
    const child = launch(spec);
    children.push({ spec, child });
    await waitHealthy(spec, ports, { timeoutMs: 180_000, exited: () => child.exitCode !== null });
    say(`${spec.name} healthy on port ${ports[spec.health.portVar]}`);
  }
  const ui = available.find((s) => s.name === 'frontend') ?? available.find((s) => s.name === 'gateway');
  say(`READY ${ui ? Object.values(ui.exports(ports))[0] : 'http://127.0.0.1:none'}`);
  // Stay up (holding the process group) until stop-dev, even when no service is running yet.
  setInterval(() => {}, 1 << 30);
} catch (err) {
  say(`FAILED ${(err as Error).message}`);
  await stopAll(1);
}
