import { DOMAIN_DESCRIPTIONS, DOMAINS, Domain } from '@pagi/contracts';
import type { LlmClient } from '@pagi/llm';
import { z } from 'zod';
import type { Classification } from './offline.ts';
import { PROFILES } from './profiles.ts';

// Classification by the configured LLM in JSON mode. The answer is validated; anything else is an error the
// caller turns into the offline classifier's answer.

const EXCERPT_CHARS = 6000;

const Answer = z.object({
  domain: z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(Domain),
  confidence: z.coerce.number().min(0).max(1),
});

const SYSTEM = [
  'You sort documents into exactly one of four knowledge domains:',
  ...DOMAINS.map((d) => `- ${d}: ${DOMAIN_DESCRIPTIONS[d]}. ${PROFILES[d].description}`),
  'Answer with a JSON object only: {"domain": "mind|body|heart|soul", "confidence": <0..1>, "reason": "<short>"}.',
].join('\n');

export async function classifyWithLlm(
  llm: LlmClient,
  doc: { title: string; ext: string; text: string },
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<Classification> {
  const user = `File: ${doc.title} (${doc.ext})\n---\n${doc.text.slice(0, EXCERPT_CHARS)}`;
  const raw = await llm.completeJson(
    [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: user },
    ],
    { timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) },
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    throw new Error('LLM answer is not JSON');
  }
  const a = Answer.parse(parsed);
  const scores = Object.fromEntries(
    DOMAINS.map((d) => [d, d === a.domain ? a.confidence : (1 - a.confidence) / (DOMAINS.length - 1)]),
  ) as Record<Domain, number>;
  return { domain: a.domain, confidence: a.confidence, scores, method: 'llm' };
}
