import { describe, expect, it } from 'vitest';
import { plainText } from './plainText.ts';

describe('plain text of a Markdown chunk', () => {
  it('drops heading marks, emphasis, code marks and link targets, also mid-text where lines were joined', () => {
    expect(plainText('# Security Audit ## Findings **Rotate** the `deploy key`; see [runbook](http://x/r.md).')).toBe(
      'Security Audit Findings Rotate the deploy key; see runbook.',
    );
  });

  it('drops list markers, task boxes, quotes, rules, table pipes and HTML, keeping the words', () => {
    expect(plainText('- [x] run 5 km - stretch 1. sleep > rest well --- | a | b | |---|---| | 1 | 2 | <br/>done')).toBe(
      'run 5 km stretch sleep rest well a b 1 2 done',
    );
    expect(plainText('```ts const a = 1; ``` ![chart](c.png) _calm_ and ~~old~~ new')).toBe(
      'const a = 1; chart calm and old new',
    );
  });

  it('leaves snake_case names, file names and plain prose alone', () => {
    expect(plainText('resting_hr_avg fell by 3 in run_log_2025.csv')).toBe(
      'resting_hr_avg fell by 3 in run_log_2025.csv',
    );
    expect(plainText('A plain sentence.')).toBe('A plain sentence.');
  });
});
