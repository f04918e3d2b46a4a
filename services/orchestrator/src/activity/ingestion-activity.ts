import type { Knowledge } from '@pagi/knowledge';
import type { ActivityFeed } from './activity-feed.ts';

/** Finished and failed ingestions appear on the live activity feed. */
export function announceIngestion(knowledge: Pick<Knowledge, 'subscribe'>, feed: ActivityFeed): () => void {
  return knowledge.subscribe((e) => {
    if (e.type === 'completed') feed.publish('ingestion', e.message);
    if (e.type === 'file' && e.file.stage === 'failed') {
      feed.publish('ingestion', `${e.file.name} could not be ingested: ${e.file.error ?? 'unknown error'}`);
    }
  });
}
