// `make stop-dev`: stops exactly what run-dev started (the supervisor in the PID file and its process group).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { alive, PID_FILE } from './paths.ts';

if (!existsSync(PID_FILE)) {
  console.log('The dev stack is not running.');
  process.exit(0);
}
const pid = Number(readFileSync(PID_FILE, 'utf8'));
if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) {
  rmSync(PID_FILE, { force: true });
  console.log('The dev stack is not running (removed a stale PID file).');
  process.exit(0);
}
process.kill(pid, 'SIGTERM');
const deadline = Date.now() + 30_000;
while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
// The supervisor leads its own process group: make sure nothing it started outlives it.
try {
  process.kill(-pid, 'SIGKILL');
} catch {
  // the group is already empty
}
rmSync(PID_FILE, { force: true });
console.log('The dev stack is stopped.');
