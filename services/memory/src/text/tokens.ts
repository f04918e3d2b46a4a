// Word tokenisation shared by the lexical embedder, the embedded store's lexical index and Qdrant's sparse vectors.
// Matches SQLite FTS5's unicode61 tokenizer with '_' as a token character and diacritics removed, so `ERR_CONN_42` stays one
// token and "Café" is "cafe".
const WORD = /[\p{L}\p{N}_]+/gu;
const MARK = /\p{M}/gu;

export function words(text: string, max = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().normalize('NFKD').replace(MARK, '').matchAll(WORD)) {
    out.push(m[0]);
    if (out.length >= max) break;
  }
  return out;
}

/** 32-bit FNV-1a hash of a string (feature hashing; stable across processes and versions). */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
