// `make run-dev`: starts the supervisor in the background, shows its output until every service is healthy,
// then prints where to open the browser. A second run while one is up says so instead of clashing on ports.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../stack/catalog.ts';
import { portInUse } from '../stack/ports.ts';
import { alive, LOG_FILE, PID_FILE, ROOT, RUN_DIR } from './paths.ts';

mkdirSync(RUN_DIR, { recursive: true });
if (existsSync(PID_FILE)) {
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  if (alive(pid)) {
    console.log(`The dev stack is already running (supervisor pid ${pid}); logs: ${LOG_FILE}`);
    console.log('Stop it with `make stop-dev` before starting it again.');
    process.exit(0);
  }
}

const wanted = CATALOG.filter((s) => existsSync(path.join(ROOT, s.entry)));
for (const spec of wanted) {
  for (const [v, fallback] of Object.entries(spec.ports)) {
    const port = Number(process.env[v] ?? fallback);
    if (await portInUse(port)) {
      console.error(`Port ${port} (${v}, ${spec.name}) is already in use by another program; free it or set ${v}.`);
      process.exit(1);
    }
  }
}

const out = openSync(LOG_FILE, 'w');
const supervisor = spawn(process.execPath, [path.join(ROOT, 'scripts/dev/supervisor.ts')], {
  cwd: ROOT,
  detached: true,
  stdio: ['ignore', out, out],
  env: process.env,
});
closeSync(out);
writeFileSync(PID_FILE, String(supervisor.pid));
supervisor.unref();

// Follow the log until the supervisor reports READY or FAILED.
let offset = 0;
const deadline = Date.now() + 300_000;
while (Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 200));
  const size = statSync(LOG_FILE).size;
  if (size > offset) {
    const chunk = readFileSync(LOG_FILE).subarray(offset, size).toString('utf8');
    offset = size;
    process.stdout.write(chunk);
    const ready = chunk.match(/READY (\S+)/);
    if (ready) {
      console.log(`\n  PAGI Digital Twin is running. Open ${ready[1]} in your browser.`);
      console.log('  A new node asks for its admin account on the first visit.');
      console.log(`  Logs: ${path.relative(process.cwd(), LOG_FILE)} (tail -f)   Stop: make stop-dev\n`);
      process.exit(0);
    }
    if (chunk.includes('FAILED')) process.exit(1);
  }
  if (!alive(supervisor.pid!)) {
    console.error('The dev supervisor exited; see the log above.');
    process.exit(1);
  }
}
console.error('Timed out waiting for the services; `make stop-dev` stops what started.');
process.exit(1);
