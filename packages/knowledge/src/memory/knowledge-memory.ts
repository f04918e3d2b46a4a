import type { CommitMemoryRequest } from '@pagi/contracts/gen/memory/CommitMemoryRequest.ts';
import type { MemoryClient } from '@pagi/runtime';
import { GroupCommitter } from './group-commit.ts';

/** Largest merged CommitMemories call; the memory service accepts 512 by default (MEMORY_MAX_BATCH). */
const MAX_GROUP = 256;

/**
 * The knowledge base's view of the memory service: its own namespace, and commits merged across files while
 * earlier ones are in flight. Calls go through the platform's one memory client (deadlines, retries, errors).
 */
export class KnowledgeMemory {
  private readonly client: MemoryClient;
  private readonly committer: GroupCommitter;
  readonly namespace: string;

  constructor(client: MemoryClient, namespace: string) {
    this.client = client;
    this.namespace = namespace;
    this.committer = new GroupCommitter((memories) => client.commit(memories), { maxInFlight: 2, maxBatch: MAX_GROUP });
  }

  /** Resolves once the chunks are stored (possibly merged with other files' chunks into one call). */
  commit(memories: CommitMemoryRequest[]): Promise<void> {
    return this.committer.commit(memories);
  }

  /** Removes every chunk of one source file. */
  deleteSource(sourceFile: string): Promise<number> {
    return this.client.deleteSource(this.namespace, sourceFile);
  }

  /** Every memory of the namespace (up to `max`), with vectors when asked. */
  listAll(opts: { vectors: boolean; max: number }) {
    return this.client.listAll(this.namespace, opts);
  }
}
