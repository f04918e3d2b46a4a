// A synthetic, clustered knowledge base: 100 topics with their own vocabulary, shared filler words, and a unique
// identifier per memory (so exact-match lookups can be measured too). Deterministic for a given seed.
import { seededRandom } from '@pagi/runtime';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ter',
  'van',
  'os',
  'ul',
  're',
  'zen',
  'ta',
  'pho',
  'ni',
  'gra',
  'dus',
  'bel',
  'cor',
];
const FILLER = ['the', 'system', 'report', 'shows', 'that', 'with', 'for', 'after', 'update', 'value'];
export const TOPICS = 100;
const WORDS_PER_TOPIC = 30;

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;

function vocabulary(seed: number): string[][] {
  const r = seededRandom(seed);
  return Array.from({ length: TOPICS }, () =>
    Array.from({ length: WORDS_PER_TOPIC }, () => Array.from({ length: 3 }, () => pick(r, SYLLABLES)).join('')),
  );
}

const VOCAB = vocabulary(42);

/** Memory `i`: a dozen topic words, a few filler words and the identifier `ID-<i>`. */
export function memoryText(i: number): string {
  const r = seededRandom(1000 + i);
  const topic = VOCAB[i % TOPICS]!;
  const words = Array.from({ length: 12 }, () => pick(r, topic));
  for (let k = 0; k < 4; k++) words.splice(Math.floor(r() * words.length), 0, pick(r, FILLER));
  return `${words.join(' ')} ID-${i}`;
}

/** A query about a topic (a few of its words and a filler word), or an exact identifier lookup. */
export function queryText(q: number, corpusSize: number): string {
  const r = seededRandom(900_000 + q);
  if (q % 5 === 0) return `where is ID-${Math.floor(r() * corpusSize)}`;
  const topic = VOCAB[Math.floor(r() * TOPICS)]!;
  return [pick(r, FILLER), pick(r, topic), pick(r, topic), pick(r, topic)].join(' ');
}
