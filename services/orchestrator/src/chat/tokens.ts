import type { ChatStreamEvent } from '@pagi/kit/contracts/chat.ts';

/** Emits an answer as token events of a few words each, so the UI can show it as it is written. */
export function streamTokens(jobId: string, text: string, sink: (e: ChatStreamEvent) => void, wordsPerToken = 3): void {
  const parts = text.match(/\S+\s*/g) ?? [];
  for (let i = 0; i < parts.length; i += wordsPerToken) {
    sink({ type: 'token', job_id: jobId, text: parts.slice(i, i + wordsPerToken).join('') });
  }
}
