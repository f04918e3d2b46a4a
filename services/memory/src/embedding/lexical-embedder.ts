import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { terms } from '../text/terms.ts';
import { fnv1a } from '../text/tokens.ts';
import { type Embedder, normalize } from './embedder.ts';

export const LEXICAL_MODEL = 'feature-hashing-terms-char3-v3';

/** Word features weigh more than character trigrams; trigrams make near-spellings and word parts similar. */
const WORD_WEIGHT = 1;
const TRIGRAM_WEIGHT = 0.35;
/** Work in slices of this many milliseconds so a large batch never blocks other calls for long. */
const SLICE_MS = 8;

/**
 * Signed feature hashing of a text's informative terms (no stop words, stemmed) and their character trigrams into
 * `dim` buckets, then L2-normalised. Without stop words the vector says what the text is about, not how it is phrased.
 */
export function lexicalVector(text: string, dim: number): Float32Array {
  const v = new Float32Array(dim);
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    v[h % dim]! += h & 0x80000000 ? -weight : weight;
  };
  for (const w of terms(text)) {
    add(`w:${w}`, WORD_WEIGHT);
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT);
  }
  return normalize(v);
}

/** The embedder used when no transformer model can be loaded: no semantics, but exact words and spellings match. */
export class LexicalEmbedder implements Embedder {
  readonly kind = 'lexical-fallback' as const;
  readonly model = LEXICAL_MODEL;
  readonly dim: number;
  readonly detail: string;
  private readonly onBatch: (size: number) => void;

  constructor(dim: number, detail: string, onBatch: (size: number) => void = () => {}) {
    this.dim = dim;
    this.detail = detail;
    this.onBatch = onBatch;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    this.onBatch(texts.length);
    const out: Float32Array[] = [];
    let sliceStart = performance.now();
    for (const t of texts) {
      out.push(lexicalVector(t, this.dim));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
    return out;
  }

  async close(): Promise<void> {}
}
