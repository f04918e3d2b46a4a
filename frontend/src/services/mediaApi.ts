import { MediaItem, MediaUploadResponse } from '@pagi/contracts';
import { z } from 'zod';
import { gatewayPath } from '../config.ts';
import { deleteJson, getJson, postForm } from './http.ts';

const MediaList = z.object({ items: z.array(MediaItem) });
const MediaDeleted = z.object({ deleted: z.literal(true), id: z.string() });

export const listMedia = (signal?: AbortSignal) => getJson('/api/media', MediaList, { signal });

export function uploadMedia(blob: Blob, filename: string) {
  const form = new FormData();
  form.append('file', blob, filename);
  return postForm('/api/media/upload', form, MediaUploadResponse, { timeoutMs: 120_000 });
}

/** Playback URL (the gateway passes Range requests through, so seeking works). */
export const mediaUrl = (id: string) => gatewayPath(`/api/media/${encodeURIComponent(id)}`);

/** The same file, saved under the name it was uploaded with. */
export const mediaDownloadUrl = (id: string) => `${mediaUrl(id)}?download=1`;

/** Deletes one of the person's recordings (its bytes and its entry). */
export const deleteMedia = (id: string) => deleteJson(`/api/media/${encodeURIComponent(id)}`, MediaDeleted);
