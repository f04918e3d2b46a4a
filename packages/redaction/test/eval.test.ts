import { describe, expect, it } from 'vitest';
import { evaluate, loadCases } from './evaluation.ts';

// The redaction evaluation of the README: secret recall at least 0.98 and look-alike preservation at least 0.95
// over test/fixtures/eval.jsonl.
const MIN_RECALL = 0.98;
const MIN_PRESERVATION = 0.95;

describe('redaction evaluation', () => {
  const cases = loadCases();

  it('is a labelled set of at least 60 lines, about half of them with secrets', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const withSecrets = cases.filter((c) => c.secrets.length > 0).length;
    expect(withSecrets / cases.length).toBeGreaterThan(0.4);
    expect(withSecrets / cases.length).toBeLessThan(0.6);
    for (const c of cases) for (const s of [...c.secrets, ...c.keep]) expect(c.text).toContain(s);
  });

  it(`removes at least ${MIN_RECALL} of the secrets and leaves at least ${MIN_PRESERVATION} of the look-alikes intact`, () => {
    const r = evaluate(cases);
    const figures = {
      recall: Number(r.recall.toFixed(4)),
      secrets: r.secrets,
      removed: r.secretsRemoved,
      secret_lines: r.secretLines,
      preservation: Number(r.preservation.toFixed(4)),
      look_alike_lines: r.lookAlikeLines,
      intact: r.lookAlikesIntact,
      keeps_surviving: `${r.keepsSurviving}/${r.keeps}`,
    };
    console.log(`redaction evaluation ${JSON.stringify(figures)}`);
    for (const miss of r.misses) console.log(`  ${miss}`);
    expect(r.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(r.preservation).toBeGreaterThanOrEqual(MIN_PRESERVATION);
  });
});
