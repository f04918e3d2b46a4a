import { ActivityEvent, PlatformStatus, ServicesHealthResponse, SummarizeResponse } from '@pagi/contracts';
import { z } from 'zod';
import { getJson, postJson } from './http.ts';

export const getServicesHealth = (signal?: AbortSignal) =>
  getJson('/api/health/services', ServicesHealthResponse, { signal, timeoutMs: 8000 });

export const getPlatformStatus = (signal?: AbortSignal) => getJson('/api/status', PlatformStatus, { signal });

const ActivityList = z.object({ events: z.array(ActivityEvent) });
export const getActivity = (signal?: AbortSignal) => getJson('/api/activity', ActivityList, { signal });

export const summarizeTranscript = (transcriptText: string) =>
  postJson('/api/transcript/summarize', { transcript_text: transcriptText }, SummarizeResponse, { timeoutMs: 60_000 });
