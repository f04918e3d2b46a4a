import type { Logger } from '@pagi/runtime';
import type { z } from 'zod';
import type { LlmClient, LlmMessage } from './client.ts';
import { FieldStream } from './message-stream.ts';

/** Output of the model that could not be turned into a valid value, even after the repair attempt. */
export class InvalidLlmOutput extends Error {
  override name = 'InvalidLlmOutput';
}

const MAX_REASON_CHARS = 300;

export function parseAs<S extends z.ZodType>(
  schema: S,
  text: string,
): { ok: true; value: z.infer<S> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${(err as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '),
  };
}

/** A one-line reason for a failed LLM call, fit for logs and the response's `planner.fallback_reason`. */
export function describeLlmFailure(err: unknown): string {
  const e = err as { name?: string; status?: number; message?: string };
  if (e?.name === 'APIConnectionTimeoutError' || /timed? ?out/i.test(e?.message ?? '')) return 'LLM request timed out';
  if (typeof e?.status === 'number') return `LLM endpoint answered HTTP ${e.status}`;
  const msg = e?.message ?? String(err);
  return msg.length > MAX_REASON_CHARS ? `${msg.slice(0, MAX_REASON_CHARS)}…` : msg;
}

/**
 * One JSON completion validated with a zod schema, plus one repair round (the model sees its reply and what was
 * wrong with it) when the output does not parse or validate. Throws when the repair fails too.
 */
export async function completeValidated<S extends z.ZodType>(
  llm: LlmClient,
  messages: LlmMessage[],
  schema: S,
  opts: {
    timeoutMs: number;
    logger: Logger;
    format: string;
    /** Streams the reply's `message` text as the model writes it (only a `respond` reply has one). */
    onMessage?: (text: string) => void;
    signal?: AbortSignal;
    /** Tokens each non-streamed call used, as the endpoint reports them. */
    onUsage?: (tokens: number) => void;
  },
): Promise<{ value: z.infer<S>; raw: string }> {
  const onMessage = opts.onMessage;
  let first: string;
  if (onMessage) {
    const field = new FieldStream('message');
    first = await llm.streamJson(messages, {
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      onDelta: (piece) => {
        const text = field.push(piece);
        if (text) onMessage(text);
      },
    });
  } else {
    first = await llm.completeJson(messages, { timeoutMs: opts.timeoutMs, signal: opts.signal, onUsage: opts.onUsage });
  }
  const parsed = parseAs(schema, first);
  if (parsed.ok) return { value: parsed.value, raw: first };
  opts.logger.info({ error: parsed.error }, 'LLM output invalid: asking for a repair');
  const second = await llm.completeJson(
    [
      ...messages,
      { role: 'assistant', content: first.slice(0, 8000) },
      {
        role: 'user',
        content: `That reply was invalid: ${parsed.error}. Reply again with exactly one JSON object of the form ${opts.format}, and nothing else.`,
      },
    ],
    { timeoutMs: opts.timeoutMs, signal: opts.signal, onUsage: opts.onUsage },
  );
  const repaired = parseAs(schema, second);
  if (repaired.ok) return { value: repaired.value, raw: second };
  throw new InvalidLlmOutput(`LLM output invalid after one repair attempt: ${repaired.error}`);
}
