import type { CommitMemoryRequest } from '@pagi/contracts/gen/memory/CommitMemoryRequest.ts';
import type { HealthCheckResponse__Output } from '@pagi/contracts/gen/memory/HealthCheckResponse.ts';
import type { ListMemoriesResponse__Output } from '@pagi/contracts/gen/memory/ListMemoriesResponse.ts';
import type { Memory__Output } from '@pagi/contracts/gen/memory/Memory.ts';
import type { QueryMemoryResponse__Output } from '@pagi/contracts/gen/memory/QueryMemoryResponse.ts';
import type { MemoryServiceClient } from '../gen/memory/MemoryService.ts';
import { createClient, unary } from '../grpc/client.ts';
import { ClientHolder } from '../grpc/client-holder.ts';
import { fromServiceError } from '../grpc/errors.ts';
import { loadProto } from '../grpc/proto.ts';
import { inSpan } from '../tracing/spans.ts';

/** Deadlines per call, retries included (UNAVAILABLE is retried with backoff inside them). */
const DEADLINE_MS = { query: 10_000, commit: 60_000, delete: 15_000, list: 30_000, health: 2_000 };
const LIST_PAGE = 1000;

export interface MemorySearch {
  query: string;
  namespace: string;
  top_k: number;
  domains: string[];
  twin_id?: string;
}

/**
 * The memory service as every other part of the platform uses it (chat, the knowledge base, the atlas): each call
 * has a deadline, is traced (attributes describe sizes, never text), and fails as a CodedError (`memory_unavailable`
 * when the service is down or slow, the service's own code when it refused).
 */
export class MemoryClient {
  private readonly holder: ClientHolder<MemoryServiceClient>;

  constructor(address: string, token: string) {
    const proto = loadProto('memory');
    this.holder = new ClientHolder(() => createClient(proto.memory.MemoryService, address, token));
  }

  query(q: MemorySearch): Promise<QueryMemoryResponse__Output> {
    const attributes = {
      'pagi.action_kind': 'query_memory',
      'pagi.namespace': q.namespace,
      'pagi.top_k': q.top_k,
      'pagi.domains': q.domains.join(','),
    };
    return inSpan('memory.query', { attributes }, async (span) => {
      const res = await this.call('QueryMemory', { ...q, twin_id: q.twin_id ?? '' }, DEADLINE_MS.query);
      span.setAttributes({ 'pagi.result_count': res.results.length });
      return res;
    });
  }

  /** Stores a batch in one call (all of it or, on error, none of it). */
  commit(memories: CommitMemoryRequest[]): Promise<string[]> {
    return inSpan('memory.commit', { attributes: { 'pagi.batch_size': memories.length } }, async () => {
      const res = await this.call('CommitMemories', { memories }, DEADLINE_MS.commit);
      return res.memory_ids;
    });
  }

  /** Removes every memory of one source file; returns how many. */
  async deleteSource(namespace: string, sourceFile: string): Promise<number> {
    const res = await this.call('DeleteMemory', { namespace, source_file: sourceFile }, DEADLINE_MS.delete);
    return res.deleted;
  }

  /** Removes one memory by id; returns how many went (0 or 1). */
  async deleteMemory(id: string): Promise<number> {
    const res = await this.call('DeleteMemory', { memory_id: id }, DEADLINE_MS.delete);
    return res.deleted;
  }

  /** One page of a namespace; with `sourceFile`, only that file's memories; with `domains`, only theirs. */
  listPage(
    namespace: string,
    opts: { pageToken?: string; vectors: boolean; sourceFile?: string; domains?: string[] },
  ): Promise<ListMemoriesResponse__Output> {
    return this.call(
      'ListMemories',
      {
        namespace,
        limit: LIST_PAGE,
        page_token: opts.pageToken ?? '',
        include_vectors: opts.vectors,
        source_file: opts.sourceFile ?? '',
        domains: opts.domains ?? [],
      },
      DEADLINE_MS.list,
    );
  }

  /** Every memory of a namespace (up to `max`), page by page. */
  async listAll(namespace: string, opts: { vectors: boolean; max: number }) {
    const memories: Memory__Output[] = [];
    let token = '';
    let total = 0;
    do {
      const page = await this.listPage(namespace, { pageToken: token, vectors: opts.vectors });
      memories.push(...page.memories);
      total = page.total;
      token = page.next_page_token;
    } while (token && memories.length < opts.max);
    return { memories: memories.slice(0, opts.max), total };
  }

  health(): Promise<HealthCheckResponse__Output> {
    return this.call('HealthCheck', {}, DEADLINE_MS.health);
  }

  close(): void {
    this.holder.close();
  }

  private async call<K extends 'QueryMemory' | 'CommitMemories' | 'DeleteMemory' | 'ListMemories' | 'HealthCheck'>(
    method: K,
    request: Parameters<typeof unary<MemoryServiceClient, K>>[2],
    deadlineMs: number,
  ) {
    try {
      return await unary(this.holder.get(), method, request, { deadlineMs });
    } catch (err) {
      this.holder.reset(err);
      throw fromServiceError('memory', err);
    }
  }
}
