import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// A lock shared by every process of the machine: a directory (mkdir is atomic) holding the owner's pid. A lock
// whose owner is gone is taken over, so a crashed process never holds one for good.

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock `<dir>/<name>` for this process; false when another live process holds it. */
export function tryLock(dir: string, name: string): boolean {
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, name);
  try {
    mkdirSync(lock);
  } catch {
    let owner = 0;
    try {
      owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    } catch {
      return false; // being created right now by another process
    }
    if (!owner || owner === process.pid || alive(owner)) return false;
    rmSync(lock, { recursive: true, force: true });
    try {
      mkdirSync(lock);
    } catch {
      return false;
    }
  }
  writeFileSync(path.join(lock, 'pid'), String(process.pid));
  return true;
}

export function unlock(dir: string, name: string): void {
  rmSync(path.join(dir, name), { recursive: true, force: true });
}
