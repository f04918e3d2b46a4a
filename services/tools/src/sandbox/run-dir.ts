import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Host credentials sandboxed programs run under when the service itself runs as root. */
export interface RunAs {
  uid: number;
  gid: number;
}

export interface RunDir {
  /** The run's own folder, removed afterwards. */
  root: string;
  /** The only writable place of the program (its working directory). */
  work: string;
  /** Creates (once) and returns the folder for read-only inputs of the run (a copied tool binary). */
  inputs(): string;
  remove(): void;
}

/** Creates `<sandboxRoot>/<prefix>-<time>-<random>/work`, owned by the sandbox user. */
export function createRunDir(sandboxRoot: string, prefix: string, runAs?: RunAs): RunDir {
  const root = path.join(sandboxRoot, `${prefix}-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`);
  mkdirSync(root, { mode: 0o711 });
  const work = path.join(root, 'work');
  const inputs = path.join(root, 'inputs');
  mkdirSync(work, { mode: 0o700 });
  if (runAs) chownSync(work, runAs.uid, runAs.gid);
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
