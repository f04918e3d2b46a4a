import { diffLines } from 'diff';

export type DiffRow =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  /** Unchanged lines left out between two changes. */
  | { kind: 'skipped'; count: number };

/** Unchanged lines kept around each change, so a long file shows only where it changes. */
const CONTEXT = 3;

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The line diff of `before` → `after`, with long unchanged stretches folded. */
export function diffRows(before: string, after: string, context = CONTEXT): DiffRow[] {
  const rows: DiffRow[] = [];
  const parts = diffLines(before, after);
  parts.forEach((part, i) => {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const lines = linesOf(part.value);
    if (kind !== 'same') {
      for (const text of lines) rows.push({ kind, text });
      return;
    }
    const keepHead = i === 0 ? 0 : context;
    const keepTail = i === parts.length - 1 ? 0 : context;
    if (lines.length <= keepHead + keepTail + 1) {
      for (const text of lines) rows.push({ kind, text });
      return;
    }
    for (const text of lines.slice(0, keepHead)) rows.push({ kind, text });
    rows.push({ kind: 'skipped', count: lines.length - keepHead - keepTail });
    for (const text of lines.slice(lines.length - keepTail)) rows.push({ kind, text });
  });
  return rows;
}

/** How many lines a diff adds and removes. */
export function diffCounts(rows: DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const r of rows) {
    if (r.kind === 'added') added += 1;
    else if (r.kind === 'removed') removed += 1;
  }
  return { added, removed };
}
