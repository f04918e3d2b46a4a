import type { Domain } from '@pagi/contracts';
import type { MemoryRecord } from '../types.ts';

/** A row of the memories table. */
export interface MemoryRow {
  seq: number;
  id: string;
  collection: string;
  namespace: string;
  twin_id: string;
  domain: string;
  memory_type: string;
  source_file: string;
  chunk_index: number;
  content_hash: string;
  metadata: string;
  content: string;
  vector: Buffer;
  embedder: string;
  created_at_ms: number;
  updated_at_ms: number;
}

export function vectorToBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function blobToVector(b: Buffer): Float32Array {
  // Copy: the Buffer may share a pool and need not be 4-byte aligned.
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function rowToRecord(row: Omit<MemoryRow, 'vector'> & { vector?: Buffer }, withVector: boolean): MemoryRecord {
  return {
    id: row.id,
    content: row.content,
    namespace: row.namespace,
    twinId: row.twin_id,
    domain: row.domain as Domain | '',
    memoryType: row.memory_type,
    sourceFile: row.source_file,
    chunkIndex: row.chunk_index,
    contentHash: row.content_hash,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
    ...(withVector && row.vector ? { vector: blobToVector(row.vector) } : {}),
  };
}
