import type { LlmClient } from '@pagi/llm';
import type { Logger } from '@pagi/runtime';
import { classifyWithLlm } from './llm.ts';
import { type Classification, classifyOffline } from './offline.ts';

export type { Classification } from './offline.ts';

export interface Classifier {
  classify(doc: { title: string; ext: string; text: string }, signal?: AbortSignal): Promise<Classification>;
}

/** The LLM when one is configured, the offline classifier otherwise or whenever the LLM fails. */
export function createClassifier(llm: LlmClient | null, logger: Logger, timeoutMs: number): Classifier {
  return {
    async classify(doc, signal) {
      if (llm) {
        try {
          return await classifyWithLlm(llm, doc, { timeoutMs, ...(signal ? { signal } : {}) });
        } catch (err) {
          if (signal?.aborted) throw err;
          logger.warn(
            { err: (err as Error).message, file: doc.title },
            'LLM classification failed; using the offline classifier',
          );
        }
      }
      return classifyOffline(doc.text, doc.ext, doc.title);
    },
  };
}
