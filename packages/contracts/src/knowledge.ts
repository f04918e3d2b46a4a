import { z } from 'zod';
import { Domain } from './domains.ts';
import { Namespace } from './ids.ts';

/**
 * Where a file is in ingestion. `storing`: its chunks are being committed to the memory service, which embeds and
 * stores them; `stored` once the last one is in.
 */
export const IngestStage = z.enum([
  'queued',
  'reading',
  'classifying',
  'chunking',
  'storing',
  'stored',
  'skipped',
  'failed',
  'cancelled',
]);
export type IngestStage = z.infer<typeof IngestStage>;

/** One file's progress through ingestion. */
export const FileProgress = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  title: z.string().optional(),
  stage: IngestStage,
  chunks_done: z.number().int(),
  chunks_total: z.number().int(),
  domain: Domain.nullable(),
  confidence: z.number().nullable(),
  /**
   * The classification was too unsure to trust without a look: the file is stored in `domain` all the same.
   * Optional, with the two fields below, only so that answers from before the flag existed still parse.
   */
  low_confidence: z.boolean().optional(),
  /** The next most likely domain (null when several tie or the file is not classified yet) and its confidence. */
  runner_up: Domain.nullable().optional(),
  runner_up_confidence: z.number().nullable().optional(),
  error: z.string().nullable(),
  updated_at: z.string(),
  /** Label stored with every chunk of the file, e.g. `ingest:notes/plan.md` (what memory search results cite). */
  source: z.string().optional(),
  /** The domain was chosen by a person (re-filed), not by the classifier. */
  manual_domain: z.boolean().optional(),
  /** A failed or cancelled file that a retry could ingest: false for a format that can never be read. */
  retryable: z.boolean().optional(),
});
export type FileProgress = z.infer<typeof FileProgress>;

export const IngestSummary = z.object({
  is_active: z.boolean(),
  files_processed: z.number().int(),
  files_failed: z.number().int(),
  /** Files in the knowledge base whose domain needs a look (see FileProgress.low_confidence). */
  files_low_confidence: z.number().int().optional(),
  current_file: z.string().nullable(),
  last_error: z.string().nullable(),
});
export type IngestSummary = z.infer<typeof IngestSummary>;

/** Most files one status answer lists (newest first); a shorter list is the whole ledger. */
export const INGEST_STATUS_MAX_FILES = 1000;

/** What an upload (or a dropped file) may be: INGEST_MAX_FILE_BYTES and the formats that can be read. */
export const IngestLimits = z.object({ max_file_bytes: z.number().int(), formats: z.array(z.string()) });
export type IngestLimits = z.infer<typeof IngestLimits>;

/** GET /api/knowledge/ingest/status */
export const IngestStatusResponse = z.object({
  status: IngestSummary,
  files: z.array(FileProgress),
  /** When the list was read: a file missing from a whole list and last seen before this is gone. */
  generated_at: z.string().optional(),
  limits: IngestLimits.optional(),
});
export type IngestStatusResponse = z.infer<typeof IngestStatusResponse>;

/** POST /api/knowledge/ingest */
export const IngestRequest = z.object({ file_path: z.string().min(1).max(4096).optional() });
export const IngestResponse = z.object({ success: z.boolean(), message: z.string(), queued: z.number().int() });

/** Events of GET /api/knowledge/ingest/events (SSE). */
export const IngestEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('file'), file: FileProgress }),
  /**
   * e.g. "Security Audit classified as SOUL (98% confidence)", or for a low-confidence file
   * "Run notes classified as BODY with low confidence (54%; next: MIND 38%) — check the domain"
   */
  z.object({ type: z.literal('completed'), file: FileProgress, message: z.string() }),
  z.object({ type: z.literal('status'), status: IngestSummary }),
  /** The file left the knowledge base: deleted from the ingest folder or through the API. */
  z.object({ type: z.literal('removed'), id: z.string(), name: z.string() }),
]);
export type IngestEvent = z.infer<typeof IngestEvent>;

/** POST /api/knowledge/upload (multipart/form-data, one field "file"): stored in the ingest folder and queued. */
export const KnowledgeUploadResponse = z.object({
  success: z.boolean(),
  file: FileProgress,
  /** A document of that name was there already: this upload replaced it (and replaces its knowledge). */
  replaced: z.boolean(),
});
export type KnowledgeUploadResponse = z.infer<typeof KnowledgeUploadResponse>;

/** DELETE /api/knowledge/documents/:id */
export const DocumentDeleteResponse = z.object({
  success: z.boolean(),
  id: z.string(),
  name: z.string(),
  /** Memories removed from the memory service. */
  chunks_deleted: z.number().int(),
  /** The file was removed from the ingest folder (starter knowledge keeps its shipped file). */
  file_deleted: z.boolean(),
});
export type DocumentDeleteResponse = z.infer<typeof DocumentDeleteResponse>;

/** PATCH /api/knowledge/documents/:id: re-file a document into another domain (its memories move there). */
export const DocumentUpdateRequest = z.object({ domain: Domain }).strict();
export type DocumentUpdateRequest = z.infer<typeof DocumentUpdateRequest>;
/** Answer of the document and ingestion actions (retry, cancel, re-file): the file as it is now. */
export const FileActionResponse = z.object({ file: FileProgress });

/** GET /api/knowledge/stats */
export const KnowledgeStats = z.object({
  domains: z.record(Domain, z.object({ files: z.number().int(), chunks: z.number().int() })),
  total_files: z.number().int(),
  total_chunks: z.number().int(),
});
export type KnowledgeStats = z.infer<typeof KnowledgeStats>;

/** GET /api/knowledge/atlas?method=pca|umap&max_nodes=500 */
export const AtlasQuery = z.object({
  method: z.enum(['pca', 'umap']).default('pca'),
  max_nodes: z.coerce.number().int().min(2).max(5000).default(500),
});
export const AtlasNode = z.object({
  id: z.string(),
  x: z.number(),
  y: z.number(),
  z: z.number(),
  domain: z.string(),
  title: z.string(),
  snippet: z.string(),
  /** Source file of the chunk (e.g. `ingest:notes.md`) and its index in it: tells same-titled chunks apart. */
  source: z.string().optional(),
  chunk: z.number().int().optional(),
});
export const AtlasEdge = z.object({ source: z.string(), target: z.string(), similarity: z.number() });
export const AtlasResponse = z.object({
  nodes: z.array(AtlasNode),
  edges: z.array(AtlasEdge),
  total: z.number().int(),
  method: z.enum(['pca', 'umap']),
});
export type AtlasNode = z.infer<typeof AtlasNode>;
export type AtlasResponse = z.infer<typeof AtlasResponse>;

/** POST /api/knowledge/path */
export const PathRequest = z.object({ source_id: z.string().min(1), target_id: z.string().min(1) });
export const PathResponse = z.object({
  path: z.array(z.object({ id: z.string(), title: z.string(), similarity: z.number() })),
  total_strength: z.number(),
  found: z.boolean(),
});
export type PathResponse = z.infer<typeof PathResponse>;

/** GET /api/knowledge/source?file=…[&namespace=…]: one stored document, whole (the chat's source viewer). */
export const KnowledgeSourceQuery = z.object({
  file: z.string().min(1).max(1024),
  /** Default: the knowledge base's namespace. */
  namespace: Namespace.optional(),
});
export const SourceChunk = z.object({ id: z.string(), index: z.number().int(), content: z.string() });
export const KnowledgeSourceResponse = z.object({
  file: z.string(),
  title: z.string(),
  domain: z.string(),
  /** In chunk order. */
  chunks: z.array(SourceChunk),
  /** True when the document has more chunks (or text) than one answer carries. */
  truncated: z.boolean(),
});
export type SourceChunk = z.infer<typeof SourceChunk>;
export type KnowledgeSourceResponse = z.infer<typeof KnowledgeSourceResponse>;
