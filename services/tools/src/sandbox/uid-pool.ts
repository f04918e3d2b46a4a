import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodedError } from '@pagi/contracts';
import { tryLock, unlock } from '@pagi/runtime';
import type { RunAs } from './run-dir.ts';

/**
 * Host users for sandboxed runs, one per run at a time. The process limit (RLIMIT_NPROC) counts every process of a
 * user, so runs that shared one user would share one budget: a fork bomb in one run would block forks in all the
 * others. Each run borrows its own user from a range instead. The users need no /etc/passwd entry; a lock per uid,
 * shared by every process of the machine, keeps two services (or two twins) from lending the same one at once.
 */
export class UidPool {
  private readonly base: number;
  private readonly size: number;
  private readonly lockDir: string;

  constructor(base: number, size: number, lockDir = path.join(tmpdir(), 'pagi-sandbox-uids')) {
    this.base = base;
    this.size = size;
    this.lockDir = lockDir;
  }

  acquire(): RunAs {
    const start = Math.floor(Math.random() * this.size);
    for (let i = 0; i < this.size; i++) {
      const uid = this.base + ((start + i) % this.size);
      if (tryLock(this.lockDir, String(uid))) return { uid, gid: uid };
    }
    throw new CodedError('resource_exhausted', `no free sandbox user in ${this.base}-${this.base + this.size - 1}`);
  }

  release(who: RunAs): void {
    unlock(this.lockDir, String(who.uid));
  }
}
