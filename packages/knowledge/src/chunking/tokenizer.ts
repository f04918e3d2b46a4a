import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Token counting for chunk sizes. The embedder (all-MiniLM-L6-v2) uses a BERT WordPiece vocabulary. When its
// tokenizer files are on disk (EMBEDDING_MODEL_DIR), counts are exact: BERT basic tokenization (lower case,
// punctuation split off) then greedy longest-match WordPiece over the real vocabulary. Without them, a calibrated
// approximation of the same procedure is used: short words are one piece, longer or rarer-looking words split into
// pieces of about four characters, digits in groups of three. It errs slightly high, so chunks stay under the
// model's 512-token window budget when the real tokenizer is used at embedding time.

export interface TokenCounter {
  kind: 'wordpiece-vocab' | 'wordpiece-approx';
  count(text: string): number;
}

const BASIC = /[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;

function approxPieces(word: string): number {
  if (/^\p{N}+$/u.test(word)) return Math.ceil(word.length / 3);
  if (word.length <= 6) return 1;
  return 1 + Math.ceil((word.length - 6) / 4);
}

const approx: TokenCounter = {
  kind: 'wordpiece-approx',
  count(text) {
    let n = 0;
    for (const m of text.toLowerCase().matchAll(BASIC)) n += approxPieces(m[0]);
    return n;
  },
};

function wordPiece(vocab: Set<string>): TokenCounter {
  const cache = new Map<string, number>();
  const pieces = (word: string): number => {
    if (word.length > 100) return 1; // [UNK], as BERT does for very long words
    let start = 0;
    let n = 0;
    while (start < word.length) {
      let end = word.length;
      let found = false;
      while (start < end) {
        const sub = (start > 0 ? '##' : '') + word.slice(start, end);
        if (vocab.has(sub)) {
          found = true;
          break;
        }
        end--;
      }
      if (!found) return 1; // the whole word becomes [UNK]
      n++;
      start = end;
    }
    return n;
  };
  return {
    kind: 'wordpiece-vocab',
    count(text) {
      let n = 0;
      const lower = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      for (const m of lower.matchAll(BASIC)) {
        const w = m[0];
        let c = cache.get(w);
        if (c === undefined) {
          c = pieces(w);
          if (cache.size < 200_000) cache.set(w, c);
        }
        n += c;
      }
      return n;
    },
  };
}

function loadVocab(dir: string): Set<string> | null {
  const vocabTxt = path.join(dir, 'vocab.txt');
  if (existsSync(vocabTxt)) return new Set(readFileSync(vocabTxt, 'utf8').split('\n').filter(Boolean));
  const tokenizerJson = path.join(dir, 'tokenizer.json');
  if (existsSync(tokenizerJson)) {
    const model = JSON.parse(readFileSync(tokenizerJson, 'utf8')).model as { type?: string; vocab?: unknown };
    if (model?.type === 'WordPiece' && model.vocab && typeof model.vocab === 'object') {
      return new Set(Object.keys(model.vocab));
    }
  }
  return null;
}

/** The exact WordPiece counter when the model's vocabulary is in `modelDir`, else the approximation. */
export function createTokenCounter(modelDir?: string): TokenCounter {
  if (!modelDir) return approx;
  try {
    const vocab = loadVocab(modelDir);
    return vocab && vocab.size > 1000 ? wordPiece(vocab) : approx;
  } catch {
    return approx;
  }
}
