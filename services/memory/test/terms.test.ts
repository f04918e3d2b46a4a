import { describe, expect, it } from 'vitest';
import { lexicalVector } from '../src/embedding/lexical-embedder.ts';
import { indexTerm, terms } from '../src/text/terms.ts';
import { words } from '../src/text/tokens.ts';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('terms of a text', () => {
  it('drops the words every question has and stems the rest', () => {
    expect(terms('How big is a tree page, and how do splits work?')).toEqual(['big', 'tree', 'page', 'split', 'work']);
    expect(terms('splitting ERR_CONN_42 at port 8181')).toEqual(['split', 'err_conn_42', 'port', '8181']);
  });

  it('reads accented words whole, without their accents, as the full-text index does', () => {
    expect(words('Résumé of the Café meeting, naïve ÉCOLE plan')).toEqual([
      'resume',
      'of',
      'the',
      'cafe',
      'meeting',
      'naive',
      'ecole',
      'plan',
    ]);
    // The index stems every token, identifiers included (FTS5's porter tokenizer stores "k8s" as "k8").
    expect(['k8s', 'running_jobs', 'splits'].map(indexTerm)).toEqual(['k8', 'running_job', 'split']);
  });

  it('makes the lexical vectors of a question and its answer close, and of phrasing alike only far', () => {
    const question = lexicalVector('how do page splits work in the tree?', 384);
    const answer = lexicalVector('A B-tree page split moves half the keys of a full page to a new page.', 384);
    const phrasing = lexicalVector('how do you do the thing in the morning?', 384);
    expect(cosine(question, answer)).toBeGreaterThan(cosine(question, phrasing) + 0.2);
  });
});
