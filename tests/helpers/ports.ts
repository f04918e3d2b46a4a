// Ports for services that tests (and benchmarks) start as child processes. Asking the kernel for a free port and
// handing it to a child races: another test may take it before the child binds. Ports here are taken from a range
// the kernel never hands out for port 0 (below the ephemeral range) and reserved across all test processes of the
// machine with a lock directory per port, so no two tests get the same one; a reservation ends with its process.
import net from 'node:net';
import { tmpdir } from 'node:os';
import { tryLock, unlock } from '@pagi/runtime';

export const LOCKS = `${tmpdir()}/pagi-test-ports`;
const FIRST = 20_000;
const LAST = 32_000; // Linux hands out ephemeral ports from 32768 up.
const mine = new Set<number>();

/** Takes the lock of a port: atomically, or over a lock whose process is gone. */
export function lockPort(port: number): boolean {
  if (!tryLock(LOCKS, String(port))) return false;
  mine.add(port);
  return true;
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

let cleanup = false;

/** A loopback port that nothing listens on and no other test process holds; it stays ours until we exit. */
export async function reservePort(): Promise<number> {
  if (!cleanup) {
    cleanup = true;
    process.once('exit', () => {
      for (const port of mine) unlock(LOCKS, String(port));
    });
  }
  const span = LAST - FIRST;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = FIRST + ((start + i) % span);
    if (mine.has(port) || !lockPort(port)) continue;
    if (await bindable(port)) return port;
    // Held by a process that is not a test (or just closing): leave it locked by us so no test tries it again.
  }
  throw new Error(`no free port between ${FIRST} and ${LAST}`);
}

/** Gives reserved ports back (when a long-running test process no longer needs them). */
export function releasePorts(ports: Iterable<number>): void {
  for (const port of ports) {
    if (mine.delete(port)) unlock(LOCKS, String(port));
  }
}
