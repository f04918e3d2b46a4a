import { orchestratorConfigSchema } from '@pagi/runtime';
import { describe, expect, it } from 'vitest';
import { calibrateConfidence } from '../src/classify/calibration.ts';
import { assessConfidence, DEFAULT_LOW_CONFIDENCE_MARGIN } from '../src/classify/confidence.ts';
import { classifyOffline } from '../src/classify/offline.ts';
import { RUN_LOG, WEEKLY_CHECK_IN } from './fixtures/notes.ts';

const scores = (mind: number, body: number, heart: number, soul: number) => ({ mind, body, heart, soul });

describe('low-confidence flag', () => {
  it('flags a close second and a spread-out vote, not a clear lead', () => {
    const close = assessConfidence({ domain: 'body', confidence: 0.54, scores: scores(0.38, 0.54, 0.05, 0.03) });
    expect(close).toEqual({ low_confidence: true, runner_up: 'mind', runner_up_confidence: 0.38 });
    // Nothing comes close, but the choice itself is weak.
    const spread = assessConfidence({ domain: 'soul', confidence: 0.55, scores: scores(0.15, 0.15, 0.15, 0.55) });
    expect(spread.low_confidence).toBe(true);
    expect(spread.runner_up).toBeNull();
    const clear = assessConfidence({ domain: 'soul', confidence: 0.81, scores: scores(0.1, 0.05, 0.04, 0.81) });
    expect(clear).toMatchObject({ low_confidence: false, runner_up: 'mind' });
  });

  it('follows the configured margin; 0 turns the flag off', () => {
    const c = { domain: 'heart' as const, confidence: 0.7, scores: scores(0.05, 0.25, 0.7, 0) };
    expect(assessConfidence(c, 0.5).low_confidence).toBe(true);
    expect(assessConfidence(c, 0.4).low_confidence).toBe(false);
    expect(assessConfidence(c, 0).low_confidence).toBe(false);
  });

  it('reads INGEST_LOW_CONFIDENCE_MARGIN, defaulting to the calibrated value', () => {
    expect(orchestratorConfigSchema.parse({}).INGEST_LOW_CONFIDENCE_MARGIN).toBe(DEFAULT_LOW_CONFIDENCE_MARGIN);
    expect(orchestratorConfigSchema.parse({ INGEST_LOW_CONFIDENCE_MARGIN: '0.3' }).INGEST_LOW_CONFIDENCE_MARGIN).toBe(
      0.3,
    );
    expect(() => orchestratorConfigSchema.parse({ INGEST_LOW_CONFIDENCE_MARGIN: '2' })).toThrow();
  });

  it('catches most wrong classifications while sending few right ones to review', () => {
    const c = calibrateConfidence(DEFAULT_LOW_CONFIDENCE_MARGIN);
    process.stdout.write(`\nlow-confidence flag at margin ${DEFAULT_LOW_CONFIDENCE_MARGIN}:\n`);
    for (const [group, g] of Object.entries(c)) {
      process.stdout.write(
        `  ${group.padEnd(9)} correct ${g.correct} (${g.correctFlagged} flagged), wrong ${g.wrong} (${g.wrongFlagged} flagged)\n`,
      );
    }
    const all = Object.values(c).reduce(
      (s, g) => ({
        correct: s.correct + g.correct,
        wrong: s.wrong + g.wrong,
        cf: s.cf + g.correctFlagged,
        wf: s.wf + g.wrongFlagged,
      }),
      { correct: 0, wrong: 0, cf: 0, wf: 0 },
    );
    // Whole documents: at most one needless review in the labelled set, a few percent of the excerpts.
    expect(c.labelled.correctFlagged).toBeLessThanOrEqual(1);
    expect(c.excerpts.correctFlagged / c.excerpts.correct).toBeLessThan(0.06);
    // Most mistakes are flagged; mixed documents are flagged far more often when wrong than when right.
    expect(all.wf / all.wrong).toBeGreaterThan(0.7);
    expect(c.mixed.correctFlagged / c.mixed.correct).toBeLessThan(0.4);
  });

  it('flags a note that mixes training and mood, not a plain run log', () => {
    const mixed = classifyOffline(WEEKLY_CHECK_IN, '.md', 'weekly-check-in');
    expect(assessConfidence(mixed)).toMatchObject({ low_confidence: true, runner_up: expect.any(String) });
    expect(new Set([mixed.domain, assessConfidence(mixed).runner_up])).toEqual(new Set(['body', 'heart']));
    const log = classifyOffline(RUN_LOG, '.txt', 'run-log-march');
    expect(log.domain).toBe('body');
    expect(assessConfidence(log).low_confidence).toBe(false);
  });
});
