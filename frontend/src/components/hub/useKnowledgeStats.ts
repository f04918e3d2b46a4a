import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { getKnowledgeStats } from '../../services/knowledgeApi.ts';

/** Knowledge base totals, refreshed every 15 s and whenever a file finishes ingesting. */
export function useKnowledgeStats() {
  const { completedCount } = useIngestion();
  return useResource(getKnowledgeStats, 15_000, completedCount);
}
