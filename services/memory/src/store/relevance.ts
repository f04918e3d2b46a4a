import { indexTerm, isStopWord } from '../text/terms.ts';
import { words } from '../text/tokens.ts';
import type { MemoryRecord } from './types.ts';

// A hit's score says how well it answers the query on an absolute scale, not how it compares with the other hits:
// with nothing relevant stored, the best hit must not score 1. Rank fusion orders the hits; this scores them.

/** Which rankers a store consults: both (the default), or one alone (to measure each on its own). */
export type Ranking = 'hybrid' | 'dense' | 'lexical';

/** Longest query the lexical side considers (distinct informative words). */
const MAX_QUERY_WORDS = 32;

export interface QueryWord {
  /** As typed (lower-cased). */
  word: string;
  /** As the lexical index stores it (Porter stem): what postings and a memory's words are compared with. */
  stem: string;
  /** How informative the word is (inverse document frequency; 1 when the store keeps no statistics). */
  weight: number;
}

/** The distinct informative words of a query, in order, at most MAX_QUERY_WORDS. */
export function queryWords(text: string): string[] {
  return [...new Set(words(text, 64).filter((w) => !isStopWord(w)))].slice(0, MAX_QUERY_WORDS);
}

/** BM25's IDF for a word found in `df` of `total` memories. A word no memory holds weighs the most. */
export function idf(df: number, total: number): number {
  return Math.log(1 + (Math.max(total, df) - df + 0.5) / (df + 0.5));
}

/** The words with their stems and weights; `weight` is given the stem (what the index counts). */
export function weighWords(list: string[], weight: (stem: string) => number = () => 1): QueryWord[] {
  return list.map((word) => {
    const stem = indexTerm(word);
    return { word, stem, weight: weight(stem) };
  });
}

/** A memory's title and heading path (set by the knowledge base), ranked above its text by both stores. */
export function headingOf(metadata: Record<string, string>): string {
  return `${metadata.title ?? ''} ${metadata.heading_path ?? ''}`.trim();
}

/** The stems a memory's heading and text hold, for `coverage` where no lexical index keeps them. */
export function stemsOf(record: Pick<MemoryRecord, 'metadata' | 'content'>): Set<string> {
  return new Set(words(`${headingOf(record.metadata)}\n${record.content}`).map(indexTerm));
}

/** Share of the query's information (IDF mass) whose words the memory's heading or text hold, in [0, 1]. */
export function coverage(query: QueryWord[], holds: (stem: string) => boolean): number {
  let total = 0;
  for (const q of query) total += q.weight;
  if (total <= 0) return 0;
  let found = 0;
  for (const q of query) if (holds(q.stem)) found += q.weight;
  return found / total;
}

/**
 * Relevance in [0, 1]: the dense similarity and the query's coverage, weighted as fusion weighs their rankers. Each
 * side is absolute (a cosine, a share of the query), so the score means the same from one query to the next.
 */
export function relevance(
  s: { cosine: number; coverage: number },
  weights: { dense: number; ranking: Ranking },
): number {
  const wd = weights.ranking === 'lexical' ? 0 : weights.dense;
  const wl = weights.ranking === 'dense' ? 0 : 1;
  if (wd + wl === 0) return 0;
  const score = (wd * Math.max(0, s.cosine) + wl * s.coverage) / (wd + wl);
  return Math.min(1, Math.round(score * 10_000) / 10_000);
}
