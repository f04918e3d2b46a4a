import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Host credentials a sandboxed run executes under (a user of the service's range, when the service is root). */
export interface RunAs {
  uid: number;
  gid: number;
}

export interface RunDir {
  /** The run's own folder, removed afterwards. */
  root: string;
  /** The program's working folder under directory isolation (under bubblewrap it works in private scratch space). */
  work: string;
  /** Creates (once) and returns the folder for read-only inputs of the run (a copied tool binary). */
  inputs(): string;
  remove(): void;
}

/** Creates `<sandboxRoot>/<prefix>-<time>-<random>/work` (the sandbox lends `work` to the run's user). */
export function createRunDir(sandboxRoot: string, prefix: string): RunDir {
  const root = path.join(sandboxRoot, `${prefix}-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`);
  mkdirSync(root, { mode: 0o711 });
  const work = path.join(root, 'work');
  const inputs = path.join(root, 'inputs');
  mkdirSync(work, { mode: 0o700 });
  return {
    root,
    work,
    inputs: () => {
      mkdirSync(inputs, { recursive: true, mode: 0o755 });
      return inputs;
    },
    // rm never follows symlinks the program may have planted; it only unlinks them.
    remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 2 }),
  };
}

function canSearch(dir: string, who: RunAs): boolean {
  const st = statSync(dir);
  if (st.uid === who.uid) return (st.mode & 0o100) !== 0;
  if (st.gid === who.gid) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

/** Whether `who` can walk down to `target` (every folder on the way lets it search). */
export function reachableBy(target: string, who: RunAs): boolean {
  let dir = path.resolve(target);
  for (;;) {
    if (!canSearch(dir, who)) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/**
 * Makes sure the sandbox user can reach the sandbox root (bubblewrap resolves mount sources with that user's
 * rights). Folders inside DATA_DIR that the service owns get the search bit for others (never read); a folder
 * elsewhere that blocks the way is reported, so the operator can pick another SANDBOX_DIR.
 */
export function ensureReachable(sandboxRoot: string, who: RunAs, ownedRoot: string): void {
  mkdirSync(sandboxRoot, { recursive: true, mode: 0o711 });
  const owned = path.resolve(ownedRoot);
  let dir = path.resolve(sandboxRoot);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of chain) {
    if (canSearch(d, who)) continue;
    const inside = d === owned || d.startsWith(`${owned}${path.sep}`) || d.startsWith(path.resolve(sandboxRoot));
    if (inside && statSync(d).uid === process.getuid?.()) {
      chmodSync(d, statSync(d).mode | 0o001);
      continue;
    }
    throw new Error(
      `sandbox folder ${sandboxRoot} is not reachable by uid ${who.uid}: ${d} denies search; choose another SANDBOX_DIR`,
    );
  }
}
