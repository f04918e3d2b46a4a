import { gauge, histogram, LATENCY_BUCKETS } from '@pagi/runtime';

/** The memory service's own Prometheus metrics (the kit adds per-RPC latency and process metrics). */
export function memoryMetrics() {
  return {
    queryLatency: histogram('memory_query_seconds', 'QueryMemory latency by phase', ['phase'], LATENCY_BUCKETS),
    commitLatency: histogram(
      'memory_commit_seconds',
      'Commit latency (embedding and storage) per call',
      ['kind'],
      LATENCY_BUCKETS,
    ),
    commitSize: histogram(
      'memory_commit_batch_size',
      'Memories per commit call',
      [],
      [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    ),
    embedBatch: histogram(
      'memory_embedder_batch_size',
      'Texts per embedder batch',
      ['embedder'],
      [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    ),
    collectionCount: gauge('memory_collection_memories', 'Memories stored per collection', ['collection']),
  };
}
export type MemoryMetrics = ReturnType<typeof memoryMetrics>;
