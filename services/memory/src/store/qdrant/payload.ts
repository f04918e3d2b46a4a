import type { Domain } from '@pagi/contracts';
import type { MemoryRecord } from '../types.ts';

/** What each Qdrant point carries besides its vectors. */
export interface MemoryPayload {
  content: string;
  namespace: string;
  twin_id: string;
  domain: string;
  memory_type: string;
  source_file: string;
  chunk_index: number;
  content_hash: string;
  metadata: Record<string, string>;
  created_at_ms: number;
  updated_at_ms: number;
}

export function toPayload(r: MemoryRecord): MemoryPayload {
  return {
    content: r.content,
    namespace: r.namespace,
    twin_id: r.twinId,
    domain: r.domain,
    memory_type: r.memoryType,
    source_file: r.sourceFile,
    chunk_index: r.chunkIndex,
    content_hash: r.contentHash,
    metadata: r.metadata,
    created_at_ms: r.createdAtMs,
    updated_at_ms: r.updatedAtMs,
  };
}

export function fromPayload(id: string, p: MemoryPayload, vector?: number[]): MemoryRecord {
  return {
    id,
    content: p.content,
    namespace: p.namespace,
    twinId: p.twin_id,
    domain: p.domain as Domain | '',
    memoryType: p.memory_type,
    sourceFile: p.source_file,
    chunkIndex: p.chunk_index,
    contentHash: p.content_hash,
    metadata: p.metadata ?? {},
    createdAtMs: p.created_at_ms,
    updatedAtMs: p.updated_at_ms,
    ...(vector ? { vector: Float32Array.from(vector) } : {}),
  };
}
