import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal arguments always serialize (and hash) identically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** SHA-256 over the action kind and its exact arguments: what was shown for approval is what runs. */
export function argsHash(kind: string, args: unknown): string {
  return createHash('sha256').update(kind).update('\0').update(canonicalJson(args)).digest('hex');
}
