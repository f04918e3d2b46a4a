import { createClient, inSpan, loadProto, unary } from '@pagi/kit';
import type { MemoryHit } from '@pagi/kit/contracts/memory.ts';
import type { HealthCheckResponse__Output } from '@pagi/kit/gen/memory/HealthCheckResponse.ts';
import type { MemoryResult__Output } from '@pagi/kit/gen/memory/MemoryResult.ts';
import type { MemoryServiceClient } from '@pagi/kit/gen/memory/MemoryService.ts';
import { ClientHolder, toDependencyError } from './dependency-error.ts';

const QUERY_DEADLINE_MS = 10_000;
const HEALTH_DEADLINE_MS = 2_000;

export interface MemoryQuery {
  query: string;
  namespace: string;
  top_k: number;
  domains: string[];
}

function toHit(r: MemoryResult__Output): MemoryHit {
  return {
    id: r.id,
    content: r.content,
    domain: r.domain,
    score: r.score,
    ...(r.source?.file || r.metadata.source_file ? { source_file: r.source?.file || r.metadata.source_file } : {}),
    ...(r.source?.file ? { chunk_index: r.source.chunk_index } : {}),
    ...(r.metadata.title ? { title: r.metadata.title } : {}),
    metadata: r.metadata,
  };
}

/** The memory service as the orchestrator uses it: hybrid search and health, each call with a deadline. */
export class MemoryClient {
  private readonly holder: ClientHolder<MemoryServiceClient>;

  constructor(address: string) {
    const proto = loadProto('memory');
    this.holder = new ClientHolder(() => createClient(proto.memory.MemoryService, address));
  }

  query(q: MemoryQuery): Promise<{ hits: MemoryHit[]; total: number; embedder: string }> {
    // Trace attributes describe the search (never its text) and how much it found.
    const attributes = {
      'pagi.action_kind': 'query_memory',
      'pagi.namespace': q.namespace,
      'pagi.top_k': q.top_k,
      'pagi.domains': q.domains.join(','),
    };
    return inSpan('memory.query', { attributes }, async (span) => {
      try {
        const res = await unary(
          this.holder.get(),
          'QueryMemory',
          { query: q.query, namespace: q.namespace, top_k: q.top_k, domains: q.domains, twin_id: '' },
          { deadlineMs: QUERY_DEADLINE_MS },
        );
        span.setAttributes({ 'pagi.result_count': res.results.length });
        return { hits: res.results.map(toHit), total: res.total, embedder: res.embedder };
      } catch (err) {
        this.holder.reset(err);
        throw toDependencyError('memory', err);
      }
    });
  }

  async health(): Promise<HealthCheckResponse__Output> {
    try {
      return await unary(this.holder.get(), 'HealthCheck', {}, { deadlineMs: HEALTH_DEADLINE_MS });
    } catch (err) {
      this.holder.reset(err);
      throw toDependencyError('memory', err);
    }
  }

  close(): void {
    this.holder.close();
  }
}
