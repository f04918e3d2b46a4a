// Retrieval quality on the evaluation set in tests/fixtures/retrieval: recall@1, recall@3 and MRR of the documents
// that answer 60+ questions, with the lexical fallback embedder (and a transformers.js model when
// EMBEDDING_MODEL_DIR names one). Prints one JSON object; MISSES=1 lists the questions that missed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateRetrieval, type Question } from '@pagi/tests/helpers/retrieval-eval.ts';

const SET = path.join(import.meta.dirname, '../../tests/fixtures/retrieval');
const questions = JSON.parse(readFileSync(path.join(SET, 'questions.json'), 'utf8')) as Question[];
const runs = [{ name: 'lexical_fallback', env: { EMBEDDING_MODEL_DIR: '' } }];
if (process.env.EMBEDDING_MODEL_DIR)
  runs.push({ name: 'model', env: { EMBEDDING_MODEL_DIR: process.env.EMBEDDING_MODEL_DIR } });

const result: Record<string, unknown> = {};
for (const run of runs) {
  const score = await evaluateRetrieval({ docsDir: path.join(SET, 'docs'), questions, memoryEnv: run.env });
  const { misses, ...figures } = score;
  result[run.name] = process.env.MISSES ? score : { ...figures, missed: misses.length };
}
console.log(JSON.stringify(result, null, 2));
