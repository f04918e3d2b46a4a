import type { Domain } from '@pagi/contracts';

// Memories are grouped per namespace and knowledge domain; memories without a domain go to `<namespace>.general`.
// Namespaces match /^[A-Za-z0-9_-]+$/, so the dot cannot be ambiguous.
export const GENERAL = 'general';

export function collectionName(namespace: string, domain: Domain | ''): string {
  return `${namespace}.${domain || GENERAL}`;
}

/** The collections a query over these domains touches (all five when no domain is given). */
export function collectionsFor(namespace: string, domains: Domain[]): string[] {
  const parts = domains.length ? domains : (['mind', 'body', 'heart', 'soul', ''] as const);
  return [...new Set(parts)].map((d) => collectionName(namespace, d));
}
