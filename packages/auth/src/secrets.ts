import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable token (256 bits) in URL-safe text. */
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Short random ids for rows people see (users, keys). */
export const newId = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`;

/**
 * Tokens (session ids, API keys) are stored as their SHA-256: they are long random values, so a fast hash is
 * enough, and a stolen database holds nothing that signs anyone in.
 */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
