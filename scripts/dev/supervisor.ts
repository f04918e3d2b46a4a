// The dev stack's supervisor, started in the background by up.ts: starts every service that exists once the services
// it depends on are healthy (independent ones side by side), waits for each to be healthy, prefixes each line of output with the service's name, restarts
// a service that dies (with backoff, like any process supervisor), and on SIGTERM stops them in reverse order. Its
// process group holds every service, restarted ones too, so stop-dev can always clean up.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CATALOG, type ServiceSpec } from '../stack/catalog.ts';
import { waitHealthy } from '../stack/health.ts';
import { launchInOrder } from '../stack/start-order.ts';
import { PID_FILE, ROOT, SUPERVISOR_STATE } from './paths.ts';

/** Restart delays: doubled after each crash up to the maximum; back to the first once a service stays up. */
const BACKOFF_MS = { first: 1000, max: 30_000, stableAfter: 60_000 };

interface Supervised {
  spec: ServiceSpec;
  child: ChildProcess;
  restarts: number;
  delay: number;
  startedAt: number;
  lastExit?: string;
  lastRestartAt?: string;
  timer?: NodeJS.Timeout;
}

const width = Math.max(...CATALOG.map((s) => s.name.length));
const say = (msg: string) => process.stdout.write(`${'[dev]'.padEnd(width + 3)}${msg}\n`);
const supervised: Supervised[] = [];
let stopping = false;

const ports: Record<string, number> = {};
for (const spec of CATALOG) {
  for (const [v, fallback] of Object.entries(spec.ports)) ports[v] = Number(process.env[v] ?? fallback);
}
const addresses: Record<string, string> = {};
for (const spec of CATALOG) Object.assign(addresses, spec.exports(ports));

/** What the gateway's service health view reports next to each service (restarts, last exit). */
function writeState(): void {
  const services = Object.fromEntries(
    supervised.map((s) => [
      s.spec.name,
      {
        pid: s.child.pid,
        restarts: s.restarts,
        ...(s.lastExit ? { last_exit: s.lastExit, last_restart_at: s.lastRestartAt } : {}),
      },
    ]),
  );
  writeFileSync(SUPERVISOR_STATE, `${JSON.stringify({ services }, null, 2)}\n`);
}

function spawnService(spec: ServiceSpec): ChildProcess {
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
  return child;
}

function watch(s: Supervised): void {
  s.child.once('exit', (code, signal) => {
    if (stopping) return;
    s.lastExit = signal ?? `code ${code}`;
    // A service that ran a good while before dying starts over from the shortest delay.
    if (Date.now() - s.startedAt > BACKOFF_MS.stableAfter) s.delay = BACKOFF_MS.first;
    say(`${s.spec.name} exited (${s.lastExit}); restarting in ${s.delay / 1000} s`);
    s.timer = setTimeout(() => restart(s), s.delay);
    s.delay = Math.min(s.delay * 2, BACKOFF_MS.max);
  });
}

function restart(s: Supervised): void {
  if (stopping) return;
  s.restarts += 1;
  s.lastRestartAt = new Date().toISOString();
  s.child = spawnService(s.spec);
  s.startedAt = Date.now();
  watch(s);
  writeState();
  say(`${s.spec.name} restarted (restart ${s.restarts})`);
  waitHealthy(s.spec, ports, { timeoutMs: 180_000, exited: () => s.child.exitCode !== null }).then(
    () => say(`${s.spec.name} healthy again on port ${ports[s.spec.health.portVar]}`),
    () => undefined, // it died again: its exit handler schedules the next try
  );
}

async function stopAll(code: number): Promise<never> {
  stopping = true;
  for (const s of [...supervised].reverse()) {
    clearTimeout(s.timer);
    const { child } = s;
    if (child.exitCode !== null || child.signalCode !== null) continue;
    say(`stopping ${s.spec.name}`);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(PID_FILE, { force: true });
  rmSync(SUPERVISOR_STATE, { force: true });
  say('stopped');
  process.exit(code);
}

process.on('SIGTERM', () => void stopAll(0));
process.on('SIGINT', () => void stopAll(0));

const available = CATALOG.filter((s) => existsSync(path.join(ROOT, s.entry)));

/** Starts one service and waits until it is healthy; from then on a crash restarts it. */
async function launch(spec: ServiceSpec): Promise<void> {
  if (stopping) throw new Error(`${spec.name} not started: stopping`);
  const s: Supervised = {
    spec,
    child: spawnService(spec),
    restarts: 0,
    delay: BACKOFF_MS.first,
    startedAt: Date.now(),
  };
  supervised.push(s);
  await waitHealthy(spec, ports, { timeoutMs: 180_000, exited: () => s.child.exitCode !== null });
  watch(s);
  say(`${spec.name} healthy on port ${ports[spec.health.portVar]}`);
}

// Independent services boot side by side. `supervised` is in start order, which stopAll walks backwards.
say(`starting ${available.map((s) => s.name).join(', ')}`);
const failed = await launchInOrder(available, launch);
if (failed) {
  say(`FAILED ${failed.message}`);
  await stopAll(1);
}
writeState();
const ui = available.find((s) => s.name === 'frontend') ?? available.find((s) => s.name === 'gateway');
say(`READY ${ui ? Object.values(ui.exports(ports))[0] : 'http://127.0.0.1:none'}`);
// Stay up (holding the process group) until stop-dev, even when no service is running yet.
setInterval(() => {}, 1 << 30);
