import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMAINS, type Domain } from '@pagi/contracts';
import { repoRoot } from '@pagi/runtime';
import { classifyOffline } from './offline.ts';

// Runs the offline classifier over a labelled set (a folder with labels.json and docs/, by default the one in
// tests/fixtures/classification); shared by the classification test and bench/ingest.

export const EVAL_DIR = path.join(repoRoot(), 'tests/fixtures/classification');

export interface EvalResult {
  documents: number;
  correct: number;
  accuracy: number;
  /** confusion[actual][predicted] */
  confusion: Record<Domain, Record<Domain, number>>;
  mistakes: { file: string; actual: Domain; predicted: Domain; confidence: number }[];
  meanConfidence: number;
}

export function evaluateOffline(dir = EVAL_DIR): EvalResult {
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Record<string, Domain>;
  const confusion = Object.fromEntries(
    DOMAINS.map((a) => [a, Object.fromEntries(DOMAINS.map((p) => [p, 0]))]),
  ) as EvalResult['confusion'];
  const mistakes: EvalResult['mistakes'] = [];
  let correct = 0;
  let confidence = 0;
  for (const [file, actual] of Object.entries(labels)) {
    const text = readFileSync(path.join(dir, 'docs', file), 'utf8');
    const ext = path.extname(file);
    const r = classifyOffline(text, ext, path.basename(file, ext));
    confusion[actual][r.domain]++;
    confidence += r.confidence;
    if (r.domain === actual) correct++;
    else mistakes.push({ file, actual, predicted: r.domain, confidence: r.confidence });
  }
  const documents = Object.keys(labels).length;
  return {
    documents,
    correct,
    accuracy: correct / documents,
    confusion,
    mistakes,
    meanConfidence: confidence / documents,
  };
}

/** The confusion matrix as a small aligned table (rows: actual, columns: predicted). */
export function formatConfusion(c: EvalResult['confusion']): string {
  const head = ['actual\\pred', ...DOMAINS].map((s) => s.padStart(11)).join('');
  const rows = DOMAINS.map((a) => [a, ...DOMAINS.map((p) => String(c[a][p]))].map((s) => s.padStart(11)).join(''));
  return [head, ...rows].join('\n');
}
