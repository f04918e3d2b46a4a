import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RUN_DIR = path.join(ROOT, 'data/run');
export const PID_FILE = path.join(RUN_DIR, 'dev.pid');
export const LOG_FILE = path.join(RUN_DIR, 'dev.log');

/** True when a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
