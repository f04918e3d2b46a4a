import { z } from 'zod';
import { TwinId } from './ids.ts';

/** GET /api/health/services (gateway): every service's health and latency. */
export const ServiceHealth = z.object({
  name: z.string(),
  status: z.enum(['ok', 'degraded', 'down']),
  latency_ms: z.number().nullable(),
  detail: z.string().optional(),
  /** Under the dev supervisor: how often it restarted the service, and why it last stopped. */
  restarts: z.number().int().optional(),
  last_exit: z.string().optional(),
  last_restart_at: z.string().optional(),
});
export const ServicesHealthResponse = z.object({ services: z.array(ServiceHealth), checked_at: z.string() });
export type ServicesHealthResponse = z.infer<typeof ServicesHealthResponse>;

/** GET /api/status (orchestrator): what the twin runs on, for the settings view. */
export const PlatformStatus = z.object({
  llm: z.object({ provider: z.enum(['openrouter', 'mock']), model: z.string(), configured: z.boolean() }),
  memory: z.object({
    reachable: z.boolean(),
    store_backend: z.string(),
    embedder: z.string(),
    embedding_model: z.string(),
    detail: z.string(),
  }),
  hitl_bypass: z.object({ tools: z.boolean(), memory: z.boolean() }),
});
export type PlatformStatus = z.infer<typeof PlatformStatus>;

/** Live activity feed (GET /api/activity, GET /api/activity/stream SSE on the orchestrator). */
export const ActivityEvent = z.object({
  id: z.string(),
  ts: z.string(),
  kind: z.enum(['turn', 'approval', 'denial', 'tool_run', 'memory_query', 'ingestion', 'system']),
  summary: z.string(),
  session_id: z.string().optional(),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;

/** A conversation as listed by GET /api/sessions?twin_id=&q= */
export const SessionSummary = z.object({
  session_id: z.string(),
  twin_id: z.string(),
  /** The name its owner gave it, else its first message. */
  title: z.string(),
  turns: z.number().int(),
  last_activity_at: z.string(),
  /** Actions in it waiting for the owner's decision (not yet expired). */
  pending_actions: z.number().int().nonnegative(),
  /** With a search: an excerpt of the first message or answer that matched (absent when only the title did). */
  match: z.string().optional(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

/** GET /api/sessions: the caller's conversations, most recent first; `q` keeps those whose title or text has it. */
export const SessionsQuery = z.object({
  twin_id: TwinId.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const SessionListResponse = z.object({ sessions: z.array(SessionSummary) });
export type SessionListResponse = z.infer<typeof SessionListResponse>;

/** PATCH /api/sessions/:session_id — renames one of the caller's conversations. */
export const RenameSessionRequest = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(120, 'title is at most 120 characters'),
});
export type RenameSessionRequest = z.infer<typeof RenameSessionRequest>;
export const RenameSessionResponse = z.object({ session_id: z.string(), title: z.string() });
export type RenameSessionResponse = z.infer<typeof RenameSessionResponse>;

/** DELETE /api/sessions/:session_id — the conversation, its turns and its actions are gone; how many of each. */
export const DeleteSessionResponse = z.object({
  session_id: z.string(),
  deleted: z.object({ turns: z.number().int(), actions: z.number().int() }),
});
export type DeleteSessionResponse = z.infer<typeof DeleteSessionResponse>;

/** POST /api/transcript/summarize (orchestrator HTTP face of SummarizeTranscript). */
export const SummarizeRequest = z.object({ transcript_text: z.string().min(1).max(200_000) });
export const SummarizeResponse = z.object({
  summary: z.string(),
  key_decisions: z.array(z.string()),
  follow_up_tasks: z.array(z.string()),
  method: z.enum(['llm', 'extractive']),
});
export type SummarizeResponse = z.infer<typeof SummarizeResponse>;

/** One SSE sample of GET /v1/telemetry/stream. */
export const TelemetrySample = z.object({
  ts_ms: z.number(),
  cpu_percent: z.number(),
  mem_total: z.number(),
  mem_used: z.number(),
  process_count: z.number().int(),
  load_avg: z.array(z.number()),
  net_rx_bytes_per_s: z.number(),
  net_tx_bytes_per_s: z.number(),
  disk_read_bytes_per_s: z.number(),
  disk_write_bytes_per_s: z.number(),
});
export type TelemetrySample = z.infer<typeof TelemetrySample>;

/** GET /v1/media (telemetry, proxied as /api/media by the gateway). */
export const MediaItem = z.object({
  id: z.string(),
  filename: z.string(),
  original_name: z.string(),
  content_type: z.string(),
  size: z.number().int(),
  created_at: z.string(),
  /** The account that recorded it (`local` for recordings made without accounts). */
  owner: z.string().default('local'),
});
export type MediaItem = z.infer<typeof MediaItem>;

export const MediaUploadResponse = z.object({
  success: z.boolean(),
  filename: z.string(),
  id: z.string(),
});
