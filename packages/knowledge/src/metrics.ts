import { counter, gauge, histogram, LATENCY_BUCKETS } from '@pagi/runtime';
import type { Ledger } from './ledger/ledger.ts';

export interface KnowledgeMetrics {
  observe(outcome: 'stored' | 'skipped' | 'failed', domain: string | null, seconds: number): void;
  refused: { inc(): void };
  refresh(ledger: Ledger): void;
}

/** Ingestion metrics: files by current status and domain (gauge), outcomes (counter), time per file. */
export function knowledgeMetrics(): KnowledgeMetrics {
  const files = gauge('knowledge_ingest_files', 'Files in the ingestion ledger by status and domain', [
    'status',
    'domain',
  ]);
  const outcomes = counter('knowledge_ingest_outcomes_total', 'Files processed, by outcome and domain', [
    'outcome',
    'domain',
  ]);
  const seconds = histogram('knowledge_ingest_file_seconds', 'Time to ingest one file', ['outcome'], LATENCY_BUCKETS);
  const refused = counter('knowledge_ingest_refused_total', 'Paths refused for lying outside the allowed folders');
  return {
    observe(outcome, domain, s) {
      outcomes.inc({ outcome, domain: domain ?? 'none' });
      if (outcome !== 'failed') seconds.observe({ outcome }, s);
    },
    refused,
    refresh(ledger) {
      files.reset();
      for (const c of ledger.stageCounts()) files.set({ status: c.stage, domain: c.domain ?? 'none' }, c.n);
    },
  };
}
