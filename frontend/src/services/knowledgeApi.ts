import {
  AtlasResponse,
  IngestStatusResponse,
  KnowledgeSourceResponse,
  KnowledgeStats,
  PathResponse,
} from '@pagi/contracts';
import { z } from 'zod';
import { getJson, postJson } from './http.ts';

export type AtlasMethod = 'pca' | 'umap';

export const getKnowledgeStats = (signal?: AbortSignal) => getJson('/api/knowledge/stats', KnowledgeStats, { signal });

export const getIngestStatus = (signal?: AbortSignal) =>
  getJson('/api/knowledge/ingest/status', IngestStatusResponse, { signal });

const Ack = z.object({}).passthrough();
export const retryIngest = (id: string) => postJson(`/api/knowledge/ingest/${encodeURIComponent(id)}/retry`, {}, Ack);

export const getAtlas = (method: AtlasMethod, maxNodes: number, signal?: AbortSignal) =>
  getJson(`/api/knowledge/atlas?method=${method}&max_nodes=${maxNodes}`, AtlasResponse, { signal, timeoutMs: 60_000 });

export const tracePath = (sourceId: string, targetId: string) =>
  postJson('/api/knowledge/path', { source_id: sourceId, target_id: targetId }, PathResponse, { timeoutMs: 30_000 });

/** One stored document whole, for the chat's source viewer; `namespace` is that of the search that cited it. */
export function getKnowledgeSource(file: string, namespace?: string, signal?: AbortSignal) {
  const q = new URLSearchParams({ file, ...(namespace ? { namespace } : {}) });
  return getJson(`/api/knowledge/source?${q}`, KnowledgeSourceResponse, { signal, timeoutMs: 30_000 });
}
