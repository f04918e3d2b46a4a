import { readFileSync } from 'node:fs';
import path from 'node:path';
import { redact } from '../src/index.ts';

// The labelled evaluation set and the two figures the README reports: how many secrets are gone, and how many
// look-alike lines come out exactly as they went in.

export interface EvalCase {
  text: string;
  /** Substrings that must be gone from the output; empty for a look-alike line. */
  secrets: string[];
  /** Substrings that must survive. */
  keep: string[];
  types?: string[];
  why?: string;
}

export interface EvalResult {
  secretLines: number;
  lookAlikeLines: number;
  secrets: number;
  secretsRemoved: number;
  /** Removed secret substrings / all secret substrings. */
  recall: number;
  lookAlikesIntact: number;
  /** Look-alike lines whose output equals their input / look-alike lines. */
  preservation: number;
  keeps: number;
  keepsSurviving: number;
  /** Every case that fell short, for the test's output. */
  misses: string[];
}

export const EVAL_FILE = path.join(import.meta.dirname, 'fixtures', 'eval.jsonl');

export function loadCases(file = EVAL_FILE): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);
}

export function evaluate(cases: EvalCase[], redactText = (t: string) => redact(t).text): EvalResult {
  const r: EvalResult = {
    secretLines: 0,
    lookAlikeLines: 0,
    secrets: 0,
    secretsRemoved: 0,
    recall: 0,
    lookAlikesIntact: 0,
    preservation: 0,
    keeps: 0,
    keepsSurviving: 0,
    misses: [],
  };
  for (const c of cases) {
    const out = redactText(c.text);
    const left = c.secrets.filter((s) => out.includes(s));
    const lost = c.keep.filter((k) => !out.includes(k));
    r.secrets += c.secrets.length;
    r.secretsRemoved += c.secrets.length - left.length;
    r.keeps += c.keep.length;
    r.keepsSurviving += c.keep.length - lost.length;
    if (c.secrets.length > 0) {
      r.secretLines++;
      if (left.length || lost.length) r.misses.push(`secret line: ${JSON.stringify(out)} left ${left} lost ${lost}`);
    } else {
      r.lookAlikeLines++;
      if (out === c.text) r.lookAlikesIntact++;
      else r.misses.push(`look-alike changed: ${JSON.stringify(c.text)} -> ${JSON.stringify(out)}`);
    }
  }
  r.recall = r.secrets ? r.secretsRemoved / r.secrets : 1;
  r.preservation = r.lookAlikeLines ? r.lookAlikesIntact / r.lookAlikeLines : 1;
  return r;
}
