// The storage contract both backends (embedded SQLite+HNSW and Qdrant) implement.

import type { Domain } from '@pagi/contracts';
import type { CollectionCount__Output } from '@pagi/contracts/gen/memory/CollectionCount.ts';

/** A stored memory as callers see it. `domain` is '' when the memory belongs to no knowledge domain. */
export interface MemoryRecord {
  id: string;
  content: string;
  namespace: string;
  twinId: string;
  domain: Domain | '';
  memoryType: string;
  sourceFile: string;
  chunkIndex: number;
  contentHash: string;
  metadata: Record<string, string>;
  createdAtMs: number;
  updatedAtMs: number;
  vector?: Float32Array;
}

/** A memory to write: replaces any memory with the same id (keeping its creation time). */
export type NewMemory = Omit<MemoryRecord, 'createdAtMs' | 'updatedAtMs' | 'vector'> & {
  vector: Float32Array;
  /** Keeps timestamps when a memory is rewritten by the service itself (re-embedding). */
  createdAtMs?: number;
  updatedAtMs?: number;
};

export interface QueryParams {
  namespace: string;
  text: string;
  vector: Float32Array;
  topK: number;
  /** Empty: every domain, including memories without one. */
  domains: Domain[];
  /** Empty: every twin. */
  twinId: string;
}

export interface ScoredMemory {
  record: MemoryRecord;
  /**
   * Relevance in [0, 1] on an absolute scale (see relevance.ts): the dense similarity and the share of the query's
   * informative words the memory holds. Hits come in fused rank order, which this score need not follow exactly.
   */
  score: number;
  /** Cosine similarity of the dense match (0 when only the lexical side found it). */
  denseScore: number;
  /** BM25 relative to the best lexical hit of this query, in [0, 1] (0 when only dense found it). */
  lexicalScore: number;
}

export interface ListParams {
  namespace: string;
  limit: number;
  /** Backend-specific position after the previous page; empty for the first page. */
  cursor: string;
  includeVectors: boolean;
  domains: Domain[];
  twinId: string;
  /** Empty or absent: every source file. */
  sourceFile?: string;
}

export interface ListPage {
  items: MemoryRecord[];
  nextCursor: string;
  total: number;
}

/** Memories per collection, as HealthCheck reports them. */
export type CollectionCount = CollectionCount__Output;

export interface MemoryStore {
  readonly backend: 'embedded' | 'qdrant';
  /** Writes a batch atomically: every memory becomes visible, or none does. */
  upsert(batch: NewMemory[]): Promise<void>;
  query(params: QueryParams): Promise<ScoredMemory[]>;
  list(params: ListParams): Promise<ListPage>;
  /** False when no memory has that id. */
  deleteById(id: string): Promise<boolean>;
  deleteBySource(namespace: string, sourceFile: string): Promise<number>;
  counts(): Promise<CollectionCount[]>;
  /** Empty when healthy, otherwise why the store is degraded. */
  problem(): string;
  close(): Promise<void>;
}
