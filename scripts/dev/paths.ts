import path from 'node:path';
import { fromRoot, loadDotEnv } from '@pagi/runtime';

// The harness sees .env like the services do, so ports and DATA_DIR set there apply to it too.
loadDotEnv();

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The supervisor's PID file and log live with the rest of the runtime state. */
export const RUN_DIR = path.join(fromRoot(process.env.DATA_DIR || 'data'), 'run');
export const PID_FILE = path.join(RUN_DIR, 'dev.pid');
export const LOG_FILE = path.join(RUN_DIR, 'dev.log');
/** The supervisor's view of its services (restarts, last exit), read by the gateway's service health. */
export const SUPERVISOR_STATE = path.join(RUN_DIR, 'supervisor.json');

/** True when a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
