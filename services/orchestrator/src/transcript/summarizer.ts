import type { SummarizeResponse } from '@pagi/contracts';
import type { LlmClient } from '@pagi/llm';
import { completeValidated, describeLlmFailure } from '@pagi/llm';
import type { Logger } from '@pagi/runtime';
import { z } from 'zod';
import { summarizeExtractive } from './extractive.ts';

const LlmSummary = z.object({
  summary: z.string().min(1),
  key_decisions: z.array(z.string()),
  follow_up_tasks: z.array(z.string()),
});
const FORMAT = '{"summary": "...", "key_decisions": ["..."], "follow_up_tasks": ["..."]}';
const INSTRUCTIONS = `You summarize meeting transcripts. Answer with one JSON object ${FORMAT}: a short summary (2-4 sentences), every decision that was made, and every follow-up task with its owner and deadline when stated. Use only what the transcript says.`;

/** Transcript summaries: through the LLM when one is configured, else (or when it fails) the extractive method. */
export class TranscriptSummarizer {
  private readonly llm: LlmClient | null;
  private readonly logger: Logger;
  private readonly timeoutMs: number;

  constructor(deps: { llm: LlmClient | null; logger: Logger; timeoutMs: number }) {
    this.llm = deps.llm;
    this.logger = deps.logger;
    this.timeoutMs = deps.timeoutMs;
  }

  async summarize(transcript: string): Promise<SummarizeResponse> {
    if (this.llm) {
      try {
        const { value } = await completeValidated(
          this.llm,
          [
            { role: 'system', content: INSTRUCTIONS },
            { role: 'user', content: transcript },
          ],
          LlmSummary,
          { timeoutMs: this.timeoutMs, logger: this.logger, format: FORMAT },
        );
        return { ...value, method: 'llm' };
      } catch (err) {
        this.logger.warn({ reason: describeLlmFailure(err) }, 'LLM summary failed: using the extractive method');
      }
    }
    return { ...summarizeExtractive(transcript), method: 'extractive' };
  }
}
