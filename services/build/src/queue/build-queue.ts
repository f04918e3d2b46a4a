import { CodedError } from '@pagi/contracts';
import { Semaphore } from '@pagi/tools';

/**
 * Builds of the same tool name run one after another (the later one installs last); builds of different names
 * run in parallel up to `concurrency`, with a bounded number waiting.
 */
export class BuildQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly slots: Semaphore;
  private readonly maxPending: number;
  private pending = 0;

  constructor(concurrency: number, maxWaiting: number) {
    this.slots = new Semaphore(concurrency, maxWaiting);
    this.maxPending = concurrency + maxWaiting;
  }

  async run<T>(name: string, task: () => Promise<T>): Promise<T> {
    if (this.pending >= this.maxPending)
      throw new CodedError('resource_exhausted', `busy: ${this.pending} builds pending`);
    this.pending += 1;
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => {
      release = r;
    });
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    try {
      await previous;
      // The name lock is taken first, so a build waiting for its name does not hold a compiler slot.
      return await this.slots.run(task);
    } finally {
      this.pending -= 1;
      release();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}
