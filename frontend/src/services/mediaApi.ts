import { MediaItem, MediaUploadResponse } from '@pagi/contracts';
import { z } from 'zod';
import { gatewayPath } from '../config.ts';
import { getJson, postForm } from './http.ts';

const MediaList = z.object({ items: z.array(MediaItem) });

export const listMedia = (signal?: AbortSignal) => getJson('/api/media', MediaList, { signal });

export function uploadMedia(blob: Blob, filename: string) {
  const form = new FormData();
  form.append('file', blob, filename);
  return postForm('/api/media/upload', form, MediaUploadResponse, { timeoutMs: 120_000 });
}

/** Playback URL (the gateway passes Range requests through, so seeking works). */
export const mediaUrl = (id: string) => gatewayPath(`/api/media/${encodeURIComponent(id)}`);
