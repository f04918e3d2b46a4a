import { describe, expect, it } from 'vitest';
import { splitCitations } from './citations.ts';

const shown = (text: string, count: number) =>
  splitCitations(text, count).map((s) => (s.kind === 'cite' ? `<${s.n}:${s.text}>` : s.text));

describe('citation markers', () => {
  it('links a lone marker whole, and adjacent markers each', () => {
    expect(shown('Rotate keys [2].', 3)).toEqual(['Rotate keys ', '<2:[2]>', '.']);
    expect(shown('both [1][2]', 3)).toEqual(['both ', '<1:[1]>', '<2:[2]>']);
    expect(shown('[1] first line\n[3] third', 3)).toEqual(['<1:[1]>', ' first line\n', '<3:[3]>', ' third']);
  });

  it('links each number of a group and keeps its brackets and spacing as text', () => {
    expect(shown('see [1, 2]', 2)).toEqual(['see [', '<1:1>', ', ', '<2:2>', ']']);
    expect(shown('see [1,3]', 3)).toEqual(['see [', '<1:1>', ',', '<3:3>', ']']);
  });

  it('leaves numbers that name no hit as plain text', () => {
    expect(shown('nothing [9] here [0]', 3)).toEqual(['nothing [9] here [0]']);
    expect(shown('mixed [2, 9]', 3)).toEqual(['mixed [', '<2:2>', ', 9]']);
    expect(shown('no hits [1]', 0)).toEqual(['no hits [1]']);
  });

  it('ignores brackets that are not citations', () => {
    expect(shown('a [link](x) and [1a] and [ 1 ] and [1,]', 3)).toEqual(['a [link](x) and [1a] and [ 1 ] and [1,]']);
  });

  it('reproduces the text exactly', () => {
    const text = 'Policy [1, 2] says [3][9]: rotate [2,3].';
    expect(
      shown(text, 3)
        .join('')
        .replace(/<\d:([^>]*)>/g, '$1'),
    ).toBe(text);
  });
});
