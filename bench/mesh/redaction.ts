// Redaction benchmark: how fast outbound memories are redacted. A seeded corpus of about 2 MB of memory-sized
// notes (1–4 KB each) mixes the evaluation set's lines (secrets and look-alikes) with ordinary prose full of figures,
// dates and capitalised words, as a person's notes are. Measured in the same run: throughput of the whole redaction,
// of the redaction without the name detector (the NLP library's share), and of a baseline — one pass of a single
// e-mail regex over the same notes — for the ratio. Each figure is the median of several passes. Prints one JSON
// object.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { DETECTORS, REDACTION_TYPES, redact } from '@pagi/redaction';
import { seededRandom } from '@pagi/runtime';
import { round } from '../memory/stats.ts';

const CORPUS_KB = Number(process.env.CORPUS_KB ?? 2048);
const SEED = Number(process.env.SEED ?? 7);

const EVAL = path.join(import.meta.dirname, '../../packages/redaction/test/fixtures/eval.jsonl');
const evalLines = readFileSync(EVAL, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

const random = seededRandom(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const SUBJECTS = [
  'The build',
  'Our standup',
  'The migration',
  'Kubernetes',
  'The garden',
  'Grocery run',
  'The release',
];
const VERBS = ['took', 'needed', 'moved to', 'finished after', 'was delayed by', 'came in at', 'ran for'];
const FIGURES = [
  () => `${int(1, 90)}.${int(0, 9)} ms`,
  () => `${int(1, 64)} GB`,
  () => `v${int(1, 9)}.${int(0, 30)}.${int(0, 99)}`,
  () => `2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
  () => `port ${int(1024, 65000)}`,
  () => `${int(1, 23)}:${String(int(0, 59)).padStart(2, '0')}`,
  () => `order #${int(100000, 999999)}`,
  () => `${int(2, 40)} minutes`,
];
const TAILS = [
  'and nobody complained.',
  'so we kept the old plan.',
  'which Maria thinks is fine.',
  'before the Friday review.',
  'according to the Grafana dashboard.',
  'after the power cut in Berlin.',
  'with the London team watching.',
];
const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(FIGURES)()} ${pick(TAILS)}`;

/** One memory: a few sentences of prose with, now and then, a line as notes with secrets or look-alikes have. */
function memory(): string {
  const target = int(1024, 4096);
  const lines: string[] = [];
  let size = 0;
  while (size < target) {
    const line = random() < 0.3 ? pick(evalLines) : Array.from({ length: int(2, 5) }, sentence).join(' ');
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

const corpus: string[] = [];
let corpusBytes = 0;
while (corpusBytes < CORPUS_KB * 1024) {
  const m = memory();
  corpus.push(m);
  corpusBytes += Buffer.byteLength(m, 'utf8');
}

const EMAIL = /(?<![\w.+%-])[A-Za-z0-9][\w.+%-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;
const withoutNames = DETECTORS.filter((d) => d.name !== 'person-name');

/** KB/s of the median of `passes` passes over the corpus, after a warm-up on its first memories. */
function throughput(
  passes: number,
  run: (text: string, first: boolean) => unknown,
): { kb_per_s: number; seconds: number } {
  for (const m of corpus.slice(0, 20)) run(m, false);
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    for (const m of corpus) run(m, pass === 0);
    times.push((performance.now() - started) / 1000);
  }
  const seconds = times.sort((a, b) => a - b)[Math.floor(passes / 2)]!;
  return { kb_per_s: round(corpusBytes / 1024 / seconds, 1), seconds: round(seconds, 4) };
}

const counts = new Map<string, number>();
const baseline = throughput(21, (t) => t.match(EMAIL));
const full = throughput(3, (t, first) => {
  const { redactions } = redact(t);
  if (first) for (const r of redactions) counts.set(r.type, (counts.get(r.type) ?? 0) + r.count);
});
const noNames = throughput(5, (t) => redact(t, withoutNames));

console.log(
  JSON.stringify({
    benchmark: 'redaction',
    corpus: { kb: round(corpusBytes / 1024, 1), memories: corpus.length, seed: SEED },
    redactions: Object.fromEntries(REDACTION_TYPES.filter((t) => counts.has(t)).map((t) => [t, counts.get(t)!])),
    redaction: full,
    redaction_without_names: noNames,
    baseline_email_regex: baseline,
    ratio_baseline_to_redaction: round(baseline.kb_per_s / full.kb_per_s, 1),
    name_detector_share_of_time: round(1 - noNames.seconds / full.seconds, 3),
    machine: { cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', load1: round(loadavg()[0]!, 2) },
  }),
);
