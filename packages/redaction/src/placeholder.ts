import { REDACTION_TYPES, type RedactionType } from '@pagi/contracts';

/** The text that stands in for a redacted stretch: `[EMAIL]`, `[API_KEY]`, … */
export const placeholder = (type: RedactionType): string => `[${type}]`;

/** A placeholder already in the text (shared once before, or typed by a person): left as it is, never redacted. */
export const PLACEHOLDER_RE = new RegExp(`\\[(?:${REDACTION_TYPES.join('|')})\\]`, 'g');
