import type { Domain } from '@pagi/contracts';

// Format evidence: what a document looks like, independent of its words. A file made of timestamped lines or
// numeric rows reads like telemetry; fenced code, schemas and signatures read like technical material.
// Each value is in [0, 1]; the classifier weighs it below the content evidence so a security log still lands
// in SOUL on its words.

export type ShapeEvidence = Record<Domain, number>;

const TIMESTAMP =
  /^\s*(\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}|[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2})/;
const LEVEL = /\b(INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRITICAL)\b/;
const METRIC_LINE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})?\s+[-+0-9.eE]+(\s+\d+)?$/;
const CODE_LINE =
  /(^\s*(import|export|from|def|class|function|fn|pub|const|let|var|return|if|for|while|package|interface|type)\b.*)|([;{}]\s*$)|(=>)|(\w+\([^)]*\)\s*[:{])/;
const SQL = /\b(SELECT|INSERT|UPDATE|DELETE|CREATE TABLE|ALTER TABLE|CREATE INDEX)\b/;

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

function numericShare(values: string[]): number {
  const nonEmpty = values.map((v) => v.trim()).filter((v) => v !== '');
  return ratio(nonEmpty.filter((v) => /^-?[\d.,:%eE+-]+$/.test(v) && /\d/.test(v)).length, nonEmpty.length);
}

function jsonScalars(value: unknown, out: string[], depth = 0): void {
  if (depth > 6 || out.length > 2000) return;
  if (Array.isArray(value)) for (const v of value) jsonScalars(v, out, depth + 1);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonScalars(v, out, depth + 1);
  else if (value !== null && value !== undefined) out.push(String(value));
}

export function shapeEvidence(text: string, ext: string): ShapeEvidence {
  const ev: ShapeEvidence = { mind: 0, body: 0, heart: 0, soul: 0 };
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return ev;

  // Log shape: most lines start with a time stamp or carry a level.
  const logLike = ratio(lines.filter((l) => TIMESTAMP.test(l) || LEVEL.test(l)).length, lines.length);
  if (logLike > 0.6) ev.body += 0.6 * logLike + (ext === '.log' ? 0.3 : 0);
  else if (ext === '.log') ev.body += 0.3;

  // Prometheus exposition or similar metric dumps.
  const metricLike = ratio(
    lines.filter((l) => METRIC_LINE.test(l.trim()) || l.startsWith('# TYPE')).length,
    lines.length,
  );
  if (metricLike > 0.5) ev.body += 0.8 * metricLike;

  // Numeric tables (CSV rows, JSON records of measurements).
  if (ext === '.csv') {
    const cells = lines.slice(1, 200).flatMap((l) => l.split(','));
    ev.body += 0.7 * Math.max(0, numericShare(cells) - 0.3);
  } else if (ext === '.json' || ext === '.jsonl') {
    const scalars: string[] = [];
    try {
      if (ext === '.json') jsonScalars(JSON.parse(text), scalars);
      else for (const l of lines.slice(0, 200)) jsonScalars(JSON.parse(l), scalars);
    } catch {
      // Malformed JSON carries no shape evidence.
    }
    ev.body += 0.6 * Math.max(0, numericShare(scalars) - 0.35);
  }

  // Code and specifications.
  const fences = (text.match(/^```/gm) ?? []).length / 2;
  const codeLike = ratio(lines.filter((l) => CODE_LINE.test(l) || SQL.test(l)).length, lines.length);
  ev.mind += Math.min(0.5, fences * 0.15) + (codeLike > 0.25 ? 0.4 * codeLike : 0);
  if (/^\s*(openapi|swagger)\s*:/m.test(text) || /"\$schema"\s*:/.test(text) || /^\s*syntax\s*=\s*"proto/m.test(text)) {
    ev.mind += 0.6;
  }
  for (const d of Object.keys(ev) as Domain[]) ev[d] = Math.min(1, ev[d]);
  return ev;
}
