import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '@pagi/runtime';

// Deterministic mixed files for the ingestion benchmark: the evaluation documents as seeds, grown to 2–20 KB with
// format-preserving repetition (more log lines, more CSV rows, more markdown sections) and varied numbers.

const EVAL_DOCS = path.resolve(import.meta.dirname, '../../tests/fixtures/classification/docs');

function grow(name: string, text: string, targetBytes: number, rand: () => number): string {
  const ext = path.extname(name);
  const vary = (s: string) => s.replace(/\d+/g, (d) => String(Math.floor(Number(d) * (0.5 + rand())) || d));
  if (ext === '.log' || ext === '.jsonl' || ext === '.csv') {
    const [head, ...rows] = text.trim().split('\n');
    const out = [head!, ...rows];
    while (out.join('\n').length < targetBytes) out.push(vary(rows[Math.floor(rand() * rows.length)]!));
    return out.join('\n');
  }
  if (ext === '.json') {
    const items: unknown[] = [];
    const seed = JSON.parse(text);
    while (JSON.stringify(items).length < targetBytes) items.push(JSON.parse(vary(JSON.stringify(seed))));
    return JSON.stringify(items, null, 2);
  }
  if (ext === '.yaml' || ext === '.yml') {
    const parts: string[] = [];
    let i = 0;
    while (parts.join('\n').length < targetBytes)
      parts.push(
        `section_${i++}:\n${vary(text)
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n')}`,
      );
    return parts.join('\n');
  }
  const parts: string[] = [];
  let i = 0;
  while (parts.join('\n\n').length < targetBytes)
    parts.push(i++ === 0 ? text : `## Part ${i}\n\n${vary(text.replace(/^# .*$/m, ''))}`);
  return parts.join('\n\n');
}

/** `count` files as [name, content], sizes spread between 2 and 20 KB. */
export function mixedFiles(count: number): [string, string][] {
  const seeds = readdirSync(EVAL_DOCS)
    .sort()
    .map((f) => [f, readFileSync(path.join(EVAL_DOCS, f), 'utf8')] as const);
  const rand = seededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const [name, text] = seeds[i % seeds.length]!;
    const ext = path.extname(name);
    const size = 2048 + Math.floor(rand() * 18_432);
    return [`${path.basename(name, ext)}-${String(i).padStart(3, '0')}${ext}`, grow(name, text, size, rand)];
  });
}

/** A ~5 KB markdown note carrying a unique marker word, for drop-to-searchable timing. */
export function markerNote(marker: string): string {
  const body = Array.from(
    { length: 12 },
    (_, i) =>
      `Paragraph ${i}: the release checklist covers migrations, feature flags, dashboards and the rollback plan; ` +
      `owners sign off in the channel and the on-call engineer watches error rates for an hour after deploy.`,
  ).join('\n\n');
  return `# Release notes ${marker}\n\nMarker ${marker} identifies this note.\n\n${body}\n`;
}
