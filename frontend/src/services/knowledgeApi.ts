import {
  AtlasResponse,
  DocumentDeleteResponse,
  type Domain,
  FileActionResponse,
  IngestStatusResponse,
  KnowledgeSourceResponse,
  KnowledgeStats,
  KnowledgeUploadResponse,
  PathResponse,
} from '@pagi/contracts';
import { z } from 'zod';
import { gatewayPath } from '../config.ts';
import { csrfHeaders, sessionEnded } from './authSession.ts';
import { ApiError, deleteJson, getJson, patchJson, postJson } from './http.ts';

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

export const deleteDocument = (id: string) =>
  deleteJson(`/api/knowledge/documents/${encodeURIComponent(id)}`, DocumentDeleteResponse, { timeoutMs: 30_000 });

/** Files a document under another domain; it is ingested again there (follow it on the ingestion events). */
export const refileDocument = (id: string, domain: Domain) =>
  patchJson(`/api/knowledge/documents/${encodeURIComponent(id)}`, { domain }, FileActionResponse);

/**
 * Uploads one file into the ingest folder. XMLHttpRequest rather than fetch: it reports how much of the body has
 * been sent, which the upload row shows. Rejects with ApiError (the server's code) like every other call.
 */
export function uploadDocument(
  file: File,
  onProgress: (sent: number) => void,
  signal?: AbortSignal,
): Promise<KnowledgeUploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', gatewayPath('/api/knowledge/upload'));
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 401) sessionEnded();
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the status line says what happened.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = KnowledgeUploadResponse.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError(xhr.status, 'bad_response', `unexpected response: ${parsed.error.message}`));
        return;
      }
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? `http_${xhr.status}`,
          error?.message ?? `${xhr.status} ${xhr.statusText}`,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'unreachable', 'cannot reach the gateway'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
