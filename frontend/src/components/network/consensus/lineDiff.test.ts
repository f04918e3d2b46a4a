import { describe, expect, it } from 'vitest';
import { diffCounts, diffRows } from './lineDiff.ts';

describe('diffRows', () => {
  it('marks every line of a new artifact as added', () => {
    const rows = diffRows('', 'name: researcher\nmodel: small\n');
    expect(rows).toEqual([
      { kind: 'added', text: 'name: researcher' },
      { kind: 'added', text: 'model: small' },
    ]);
  });

  it('shows a changed line as removed then added, between unchanged ones', () => {
    const rows = diffRows('a\nb\nc\n', 'a\nB\nc\n');
    expect(rows.map((r) => (r.kind === 'skipped' ? `…${r.count}` : `${r.kind}:${r.text}`))).toEqual([
      'same:a',
      'removed:b',
      'added:B',
      'same:c',
    ]);
    expect(diffCounts(rows)).toEqual({ added: 1, removed: 1 });
  });

  it('folds long unchanged stretches, keeping context around each change', () => {
    const before = `${Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n')}\n`;
    const after = before.replace('line 10\n', 'line ten\n');
    const rows = diffRows(before, after, 2);
    expect(rows[0]).toEqual({ kind: 'skipped', count: 8 });
    expect(rows.filter((r) => r.kind === 'same').map((r) => 'text' in r && r.text)).toEqual([
      'line 8',
      'line 9',
      'line 11',
      'line 12',
    ]);
    expect(rows.at(-1)).toEqual({ kind: 'skipped', count: 7 });
  });
});
