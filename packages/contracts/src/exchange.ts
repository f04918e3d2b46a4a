import { z } from 'zod';

// What redaction does to a memory before the Memory Exchange lets it leave, and the preview of it
// (POST /api/phoenix/exchange/preview): the orchestrator sends these, the browser checks them.

/** What a redaction replaced; each kind becomes the placeholder `[TYPE]` in the text. */
export const REDACTION_TYPES = [
  'PRIVATE_KEY',
  'JWT',
  'API_KEY',
  'PASSWORD',
  'SECRET',
  'EMAIL',
  'IBAN',
  'CARD_NUMBER',
  'NATIONAL_ID',
  'DATE_OF_BIRTH',
  'PHONE',
  'IP_ADDRESS',
  'POSTAL_ADDRESS',
  'PERSON',
] as const;
export const RedactionType = z.enum(REDACTION_TYPES);
export type RedactionType = z.infer<typeof RedactionType>;

/** How many of one kind were replaced. */
export const Redaction = z.object({ type: RedactionType, count: z.number().int().positive() });
export type Redaction = z.infer<typeof Redaction>;

/** The largest text a preview takes, in UTF-8 bytes (a memory is far smaller). */
export const MAX_PREVIEW_TEXT_BYTES = 256 * 1024;

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).byteLength;

export const ExchangePreviewRequest = z.object({
  text: z.string().refine((t) => utf8Bytes(t) <= MAX_PREVIEW_TEXT_BYTES, {
    message: `text must be at most ${MAX_PREVIEW_TEXT_BYTES} bytes`,
  }),
});
export type ExchangePreviewRequest = z.infer<typeof ExchangePreviewRequest>;

/** Exactly what would leave for a text: the redacted text and the count per kind. */
export const ExchangePreview = z.object({ text: z.string(), redactions: z.array(Redaction) });
export type ExchangePreview = z.infer<typeof ExchangePreview>;
