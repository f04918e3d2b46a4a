import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRetrieval, type Question } from '../helpers/retrieval-eval.ts';

// The twin must find what it knows, offline: 85 questions asked the way people ask, over 51 realistic documents in
// the four domains (tests/fixtures/retrieval), answered by the lexical fallback (no model can be downloaded here), and
// a dozen questions none of them answers.

const SET = path.join(import.meta.dirname, '../fixtures/retrieval');
const TARGET_RECALL_AT_3 = 0.95;

describe('retrieval evaluation', () => {
  it(`puts the answering document in the top 3 for at least ${TARGET_RECALL_AT_3} of the questions`, async () => {
    const questions = JSON.parse(readFileSync(path.join(SET, 'questions.json'), 'utf8')) as Question[];
    expect(questions.length).toBeGreaterThanOrEqual(60);
    const unanswerable = JSON.parse(readFileSync(path.join(SET, 'unanswerable.json'), 'utf8')) as string[];
    const score = await evaluateRetrieval({
      docsDir: path.join(SET, 'docs'),
      questions,
      unanswerable,
      memoryEnv: { EMBEDDING_MODEL_DIR: '' },
    });
    const { misses, ...figures } = score;
    process.stdout.write(`[retrieval] ${JSON.stringify(figures)}\n`);
    expect(score.documents).toBeGreaterThanOrEqual(40);
    expect(score.embedder).toMatch(/^lexical-fallback/);
    expect(
      score.recall_at_3,
      JSON.stringify(
        misses.filter((m) => m.rank === 0 || m.rank > 3),
        null,
        1,
      ),
    ).toBeGreaterThanOrEqual(TARGET_RECALL_AT_3);
    // Scores are absolute: a question the documents cannot answer gets a weak best hit, an answered one a strong one.
    expect(score.top_score_unanswerable_max).toBeLessThan(0.5);
    expect(score.top_score_answered).toBeGreaterThan(score.top_score_unanswerable + 0.25);
  }, 120_000);
});
