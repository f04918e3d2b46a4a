import { DOMAINS, type Domain } from '@pagi/contracts';
import type { Classification } from './offline.ts';

// When a classification is too unsure to file without a second look. The measure is the chosen domain's lead over
// the runner-up: on the labelled set and on documents that mix two domains it separates wrong answers from right
// ones a little better than the top confidence alone, and it covers that case too (with four domains, a lead
// below 0.5 means any top confidence under 62.5% is flagged).

/** Default for INGEST_LOW_CONFIDENCE_MARGIN, chosen on the labelled set (see test/confidence.test.ts). */
export const DEFAULT_LOW_CONFIDENCE_MARGIN = 0.5;

export interface ConfidenceAssessment {
  low_confidence: boolean;
  /** The next most likely domain; null when several share that place (the LLM names only its choice). */
  runner_up: Domain | null;
  runner_up_confidence: number;
}

export function assessConfidence(
  c: Pick<Classification, 'domain' | 'confidence' | 'scores'>,
  margin = DEFAULT_LOW_CONFIDENCE_MARGIN,
): ConfidenceAssessment {
  const others = DOMAINS.filter((d) => d !== c.domain);
  const best = Math.max(...others.map((d) => c.scores[d] ?? 0));
  const tied = others.filter((d) => (c.scores[d] ?? 0) === best);
  return {
    low_confidence: c.confidence - best < margin,
    runner_up: tied.length === 1 ? tied[0]! : null,
    runner_up_confidence: best,
  };
}
