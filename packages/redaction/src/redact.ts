import { CodedError, REDACTION_TYPES, type Redaction, type RedactionType } from '@pagi/contracts';
import type { Detector, Finding } from './detector.ts';
import { apiKeyDetector } from './detectors/api-key.ts';
import { assignedSecretDetector } from './detectors/assigned-secret.ts';
import { cardNumberDetector } from './detectors/card-number.ts';
import { connectionStringDetector } from './detectors/connection-string.ts';
import { dateOfBirthDetector } from './detectors/date-of-birth.ts';
import { emailDetector } from './detectors/email.ts';
import { highEntropyDetector } from './detectors/high-entropy.ts';
import { ibanDetector } from './detectors/iban.ts';
import { ipAddressDetector } from './detectors/ip-address.ts';
import { jwtDetector } from './detectors/jwt.ts';
import { nationalIdDetector } from './detectors/national-id.ts';
import { passwordDetector } from './detectors/password.ts';
import { personNameDetector } from './detectors/person-name.ts';
import { phoneDetector } from './detectors/phone.ts';
import { postalAddressDetector } from './detectors/postal-address.ts';
import { privateKeyDetector } from './detectors/private-key.ts';
import { PLACEHOLDER_RE, placeholder } from './placeholder.ts';

/** The largest text redacted in one call, in characters; a memory is far smaller. */
export const MAX_REDACT_CHARS = 1024 * 1024;

/**
 * The order matters: whole structured secrets first (a key block, a JWT, a vendor key) so their parts are not taken
 * for something smaller; then labelled credentials; then numbers with checksums before the looser shapes they could
 * be mistaken for (cards and IDs before phones); names last, on what is left.
 */
export const DETECTORS: readonly Detector[] = [
  privateKeyDetector,
  jwtDetector,
  apiKeyDetector,
  connectionStringDetector,
  passwordDetector,
  assignedSecretDetector,
  emailDetector,
  ibanDetector,
  cardNumberDetector,
  nationalIdDetector,
  dateOfBirthDetector,
  phoneDetector,
  ipAddressDetector,
  postalAddressDetector,
  highEntropyDetector,
  personNameDetector,
];

export interface Redacted {
  text: string;
  redactions: Redaction[];
}

/** A stretch of the text: still plain, or a placeholder (new or already there) that no detector looks into. */
interface Piece {
  text: string;
  done: boolean;
}

/**
 * Replaces every sensitive stretch of `text` with its typed placeholder and counts them by type. Placeholders
 * already in the text are left alone and not counted, so redacting twice changes nothing.
 */
export function redact(text: string, detectors: readonly Detector[] = DETECTORS): Redacted {
  if (text.length > MAX_REDACT_CHARS) {
    throw new CodedError('payload_too_large', `text to redact must be at most ${MAX_REDACT_CHARS} characters`);
  }
  let pieces = splitKept(text);
  const counts = new Map<RedactionType, number>();
  for (const detector of detectors) {
    const next: Piece[] = [];
    for (const piece of pieces) {
      if (piece.done) {
        next.push(piece);
        continue;
      }
      let at = 0;
      for (const f of disjoint(detector.find(piece.text))) {
        if (f.start > at) next.push({ text: piece.text.slice(at, f.start), done: false });
        next.push({ text: placeholder(f.type), done: true });
        counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
        at = f.end;
      }
      if (at === 0) next.push(piece);
      else if (at < piece.text.length) next.push({ text: piece.text.slice(at), done: false });
    }
    pieces = next;
  }
  return {
    text: pieces.map((p) => p.text).join(''),
    redactions: REDACTION_TYPES.filter((t) => counts.has(t)).map((type) => ({ type, count: counts.get(type)! })),
  };
}

function splitKept(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  PLACEHOLDER_RE.lastIndex = 0;
  for (let m = PLACEHOLDER_RE.exec(text); m !== null; m = PLACEHOLDER_RE.exec(text)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), done: false });
    pieces.push({ text: m[0], done: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), done: false });
  return pieces;
}

/** Findings in text order, empty ones and any overlapping an earlier (or, at the same start, longer) one dropped. */
function disjoint(findings: Finding[]): Finding[] {
  const sorted = findings.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const f of sorted) if (kept.length === 0 || f.start >= kept.at(-1)!.end) kept.push(f);
  return kept;
}
