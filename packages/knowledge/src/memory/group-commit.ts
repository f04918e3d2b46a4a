import type { CommitMemoryRequest } from '@pagi/contracts/gen/memory/CommitMemoryRequest.ts';

// Group commit: chunks that files commit while earlier commits are still in flight are merged into one
// CommitMemories call. Each call has a fixed cost in the memory service (a store transaction, an index update),
// and files are typically small, so merging keeps the embedder busy instead of waiting on per-call overhead.
// A caller's promise settles when the call carrying its chunks does, so "committed" still means committed.

interface Pending {
  memories: CommitMemoryRequest[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class GroupCommitter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private readonly send: (memories: CommitMemoryRequest[]) => Promise<unknown>;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;

  constructor(
    send: (memories: CommitMemoryRequest[]) => Promise<unknown>,
    opts: { maxInFlight: number; maxBatch: number },
  ) {
    this.send = send;
    this.maxInFlight = opts.maxInFlight;
    this.maxBatch = opts.maxBatch;
  }

  commit(memories: CommitMemoryRequest[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ memories, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length) {
      const group: Pending[] = [];
      let size = 0;
      while (this.queue.length && (group.length === 0 || size + this.queue[0]!.memories.length <= this.maxBatch)) {
        const p = this.queue.shift()!;
        group.push(p);
        size += p.memories.length;
      }
      this.inFlight++;
      this.send(group.flatMap((p) => p.memories))
        .then(
          () => {
            for (const p of group) p.resolve();
          },
          (err) => {
            for (const p of group) p.reject(err);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.drain();
        });
    }
  }
}
