// Retrieval quality on the evaluation set in tests/fixtures/retrieval: recall@1, recall@3 and MRR of the documents
// that answer 60+ questions, for each embedder and each ranking (MEMORY_RANKING: hybrid fusion, the dense ranker
// alone, BM25 alone). Embedders: the lexical fallback; the word-vector model of word-vector-model.ts (a real trained
// model that needs no hub; WORD_VECTORS=0 skips it); a transformers.js model when EMBEDDING_MODEL_DIR names one (with
// its EMBEDDING_MODEL_DIM). RANKINGS=hybrid,dense limits the rankings; MEMORY_DENSE_WEIGHT is passed on. Prints one
// JSON object, and a table on stderr; MISSES=1 lists the questions that missed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluateRetrieval, type Question } from '@pagi/tests/helpers/retrieval-eval.ts';
import { writeWordVectorModel } from './word-vector-model.ts';

const SET = path.join(import.meta.dirname, '../../tests/fixtures/retrieval');
const questions = JSON.parse(readFileSync(path.join(SET, 'questions.json'), 'utf8')) as Question[];
const rankings = (process.env.RANKINGS ?? 'hybrid,dense,lexical').split(',');
const common: Record<string, string> = {};
if (process.env.MEMORY_DENSE_WEIGHT) common.MEMORY_DENSE_WEIGHT = process.env.MEMORY_DENSE_WEIGHT;

const embedders: { name: string; env: Record<string, string> }[] = [
  { name: 'lexical_fallback', env: { EMBEDDING_MODEL_DIR: '' } },
];
let wordVectorsDir: string | undefined;
if (process.env.WORD_VECTORS !== '0') {
  wordVectorsDir = mkdtempSync(path.join(tmpdir(), 'word-vectors-'));
  const { dim } = writeWordVectorModel(wordVectorsDir);
  embedders.push({
    name: 'word_vectors',
    env: {
      EMBEDDING_MODEL_DIR: wordVectorsDir,
      EMBEDDING_MODEL_DIM: String(dim),
      EMBEDDING_MODEL_NAME: 'glove-100d-sif',
    },
  });
}
if (process.env.EMBEDDING_MODEL_DIR) {
  const env: Record<string, string> = { EMBEDDING_MODEL_DIR: process.env.EMBEDDING_MODEL_DIR };
  if (process.env.EMBEDDING_MODEL_DIM) env.EMBEDDING_MODEL_DIM = process.env.EMBEDDING_MODEL_DIM;
  embedders.push({ name: 'model', env });
}

const result: Record<string, Record<string, unknown>> = {};
const table: string[] = ['embedder          ranking  recall@1  recall@3  MRR'];
try {
  for (const embedder of embedders) {
    result[embedder.name] = {};
    for (const ranking of rankings) {
      const memoryEnv = { ...common, ...embedder.env, MEMORY_RANKING: ranking };
      const score = await evaluateRetrieval({ docsDir: path.join(SET, 'docs'), questions, memoryEnv });
      const { misses, ...figures } = score;
      result[embedder.name]![ranking] = process.env.MISSES ? score : { ...figures, missed: misses.length };
      const cells = [score.recall_at_1, score.recall_at_3, score.mrr].map((x) => x.toFixed(3).padEnd(10));
      table.push(`${embedder.name.padEnd(18)}${ranking.padEnd(9)}${cells.join('')}`);
    }
  }
} finally {
  if (wordVectorsDir) rmSync(wordVectorsDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result, null, 2));
console.error(table.join('\n'));
