import { createClient, loadProto, unary } from '@pagi/kit';
import type { CommitMemoryRequest } from '@pagi/kit/gen/memory/CommitMemoryRequest.ts';
import type { Memory__Output } from '@pagi/kit/gen/memory/Memory.ts';
import type { MemoryServiceClient } from '@pagi/kit/gen/memory/MemoryService.ts';
import type { QueryMemoryResponse__Output } from '@pagi/kit/gen/memory/QueryMemoryResponse.ts';
import { GroupCommitter } from './group-commit.ts';

// The knowledge base's only path to the vector store: the memory service over gRPC, every call with a deadline.

const COMMIT_DEADLINE_MS = 60_000;
const DELETE_DEADLINE_MS = 15_000;
const LIST_DEADLINE_MS = 30_000;
const QUERY_DEADLINE_MS = 10_000;
const LIST_PAGE = 1000;
/** Largest merged CommitMemories call; the memory service accepts 512 by default (MEMORY_MAX_BATCH). */
const MAX_GROUP = 256;

export class KnowledgeMemory {
  private client: MemoryServiceClient;
  private readonly committer: GroupCommitter;
  readonly namespace: string;

  constructor(address: string, namespace: string) {
    this.client = createClient(loadProto('memory').memory.MemoryService, address);
    this.namespace = namespace;
    this.committer = new GroupCommitter(
      (memories) => unary(this.client, 'CommitMemories', { memories }, { deadlineMs: COMMIT_DEADLINE_MS }),
      { maxInFlight: 2, maxBatch: MAX_GROUP },
    );
  }

  /** Resolves once the chunks are stored (possibly merged with other files' chunks into one call). */
  commit(memories: CommitMemoryRequest[]): Promise<void> {
    return this.committer.commit(memories);
  }

  /** Removes every chunk of one source file. */
  async deleteSource(sourceFile: string): Promise<number> {
    const res = await unary(
      this.client,
      'DeleteMemory',
      { namespace: this.namespace, source_file: sourceFile },
      { deadlineMs: DELETE_DEADLINE_MS },
    );
    return res.deleted;
  }

  /** Every memory of the namespace (up to `max`), with vectors when asked. */
  async listAll(opts: { vectors: boolean; max: number }): Promise<{ memories: Memory__Output[]; total: number }> {
    const memories: Memory__Output[] = [];
    let token = '';
    let total = 0;
    do {
      const page = await unary(
        this.client,
        'ListMemories',
        { namespace: this.namespace, limit: LIST_PAGE, page_token: token, include_vectors: opts.vectors },
        { deadlineMs: LIST_DEADLINE_MS },
      );
      memories.push(...page.memories);
      total = page.total;
      token = page.next_page_token;
    } while (token && memories.length < opts.max);
    return { memories: memories.slice(0, opts.max), total };
  }

  async query(query: string, topK: number, domains: string[] = []): Promise<QueryMemoryResponse__Output> {
    return unary(
      this.client,
      'QueryMemory',
      { query, namespace: this.namespace, top_k: topK, domains },
      { deadlineMs: QUERY_DEADLINE_MS },
    );
  }

  close(): void {
    this.client.close();
  }
}
