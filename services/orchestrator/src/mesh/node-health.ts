import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type { NodeHealth__Output } from '@pagi/contracts/gen/mesh/NodeHealth.ts';

export interface HealthSources {
  /** Memories stored (all collections), or -1 when the memory service does not answer. */
  memoryCount(): Promise<number>;
  /** Files queued or being ingested. */
  ingestionQueue(): number;
  pendingApprovals(): number;
}

/** How often the memory count is asked for (a health check of the memory service), at most. */
const MEMORY_COUNT_TTL_MS = 30_000;

/** What this node reports in its heartbeats: host load and memory, and the twin's own queues. */
export function nodeHealth(sources: HealthSources): () => Promise<NodeHealth__Output> {
  let memoryCount = -1;
  let countedAt = 0;
  return async () => {
    if (Date.now() - countedAt > MEMORY_COUNT_TTL_MS) {
      countedAt = Date.now();
      memoryCount = await sources.memoryCount().catch(() => -1);
    }
    return {
      cpu: Math.min(1, Math.round((loadavg()[0]! / Math.max(1, cpus().length)) * 1000) / 1000),
      memory: Math.round((1 - freemem() / totalmem()) * 1000) / 1000,
      memory_count: memoryCount,
      ingestion_queue: sources.ingestionQueue(),
      pending_approvals: sources.pendingApprovals(),
    };
  };
}
