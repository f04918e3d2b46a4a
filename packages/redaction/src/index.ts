// Redaction of what leaves the process: personal data and secrets in a text become typed placeholders
// (`[EMAIL]`, `[API_KEY]`, …), counted by type. `redact` is the whole API; the detectors are its parts.

export { REDACTION_TYPES, type Redaction, type RedactionType } from '@pagi/contracts';
export type { Detector, Finding } from './detector.ts';
export { placeholder } from './placeholder.ts';
export { DETECTORS, MAX_REDACT_CHARS, type Redacted, redact } from './redact.ts';
