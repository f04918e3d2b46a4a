import { createHash, randomUUID } from 'node:crypto';

/**
 * The id of a memory: derived from (namespace, key) when the caller gives a stable key, so re-committing the same key
 * replaces the memory; random otherwise. UUID-shaped because Qdrant accepts only UUIDs or integers as point ids.
 */
export function memoryId(namespace: string, key: string): string {
  if (!key) return randomUUID();
  const h = createHash('sha256').update(namespace).update('\0').update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x50; // version nibble 5 (name-based)
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Opaque page tokens: the store's cursor, base64url-encoded. */
export const pageToken = {
  encode: (cursor: string) => (cursor ? Buffer.from(cursor, 'utf8').toString('base64url') : ''),
  decode: (token: string) => Buffer.from(token, 'base64url').toString('utf8'),
};
