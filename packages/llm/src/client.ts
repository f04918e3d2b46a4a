import type { OrchestratorConfig } from '@pagi/runtime';
import OpenAI from 'openai';

export type LlmMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** One JSON-mode completion against an OpenAI-compatible endpoint (OpenRouter, llama.cpp, Ollama, …). */
export interface LlmClient {
  provider: 'openrouter';
  model: string;
  /** Returns the raw message content (expected to be a JSON object); throws on transport errors or timeouts. */
  completeJson(
    messages: LlmMessage[],
    opts?: { timeoutMs?: number; signal?: AbortSignal; onUsage?: (tokens: number) => void },
  ): Promise<string>;
  /**
   * The same completion, streamed: `onDelta` gets each piece of the content as the endpoint sends it, and the whole
   * content is returned at the end. Cancelled through `signal` (the upstream request is closed).
   */
  streamJson(
    messages: LlmMessage[],
    opts: { timeoutMs?: number; signal?: AbortSignal; onDelta: (text: string) => void },
  ): Promise<string>;
}

export type LlmConfig = Pick<
  OrchestratorConfig,
  'LLM_PROVIDER' | 'OPENROUTER_API_KEY' | 'OPENROUTER_URL' | 'OPENROUTER_MODEL' | 'LLM_TIMEOUT_MS'
>;

/** The SDK appends /chat/completions itself, so the configured endpoint URL is reduced to its base. */
export function llmBaseUrl(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
}

/** Null when the mock planner is selected or no API key is configured. */
export function createLlmClient(config: LlmConfig): LlmClient | null {
  if (config.LLM_PROVIDER === 'mock' || !config.OPENROUTER_API_KEY) return null;
  const sdk = new OpenAI({
    apiKey: config.OPENROUTER_API_KEY,
    baseURL: llmBaseUrl(config.OPENROUTER_URL),
    timeout: config.LLM_TIMEOUT_MS,
    // Retries multiply the worst-case latency of a turn; one is enough for a transient blip.
    maxRetries: 1,
  });
  const model = config.OPENROUTER_MODEL;
  return {
    provider: 'openrouter',
    model,
    async completeJson(messages, opts = {}) {
      const completion = await sdk.chat.completions.create(
        { model, messages, response_format: { type: 'json_object' }, temperature: 0 },
        { timeout: opts.timeoutMs ?? config.LLM_TIMEOUT_MS, signal: opts.signal },
      );
      // Tokens the endpoint reports (prompt and completion), for budgets; absent when the endpoint does not say.
      if (completion.usage) opts.onUsage?.(completion.usage.total_tokens);
      const content = completion.choices[0]?.message?.content;
      if (typeof content !== 'string' || content.trim() === '') throw new Error('LLM returned an empty message');
      return content;
    },
    async streamJson(messages, opts) {
      const stream = await sdk.chat.completions.create(
        { model, messages, response_format: { type: 'json_object' }, temperature: 0, stream: true },
        { timeout: opts.timeoutMs ?? config.LLM_TIMEOUT_MS, signal: opts.signal },
      );
      let content = '';
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta?.content;
        if (!delta) continue;
        content += delta;
        opts.onDelta(delta);
      }
      if (content.trim() === '') throw new Error('LLM returned an empty message');
      return content;
    },
  };
}
