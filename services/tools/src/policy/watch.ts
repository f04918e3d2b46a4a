import { existsSync, type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@pagi/runtime';
import { loadPolicyFile, type Policy } from './policy.ts';

/**
 * Holds the current policy and reloads it when its file changes (editors often replace the file, so the folder
 * is watched). A reload that fails validation keeps the previous policy and logs an error.
 */
export class PolicyStore {
  private current: Policy;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly file: string;
  private readonly logger: Logger;
  /** Increments on every successful reload (for health and tests). */
  generation = 1;

  constructor(file: string, logger: Logger) {
    this.file = path.resolve(file);
    this.logger = logger;
    this.current = loadPolicyFile(this.file);
  }

  get policy(): Policy {
    return this.current;
  }

  watch(debounceMs = 100): void {
    const base = path.basename(this.file);
    this.watcher = watch(path.dirname(this.file), { persistent: false }, (_event, name) => {
      if (name !== null && name !== base) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload(), debounceMs);
    });
    this.watcher.on('error', (err) => this.logger.error({ err }, 'policy watcher failed; reloads stop'));
  }

  reload(): boolean {
    if (!existsSync(this.file)) {
      this.logger.error({ file: this.file }, 'policy file missing; keeping the previous policy');
      return false;
    }
    try {
      this.current = loadPolicyFile(this.file);
      this.generation += 1;
      this.logger.info({ file: this.file, generation: this.generation }, 'policy reloaded');
      return true;
    } catch (err) {
      this.logger.error({ err: (err as Error).message }, 'policy reload rejected; keeping the previous policy');
      return false;
    }
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }
}
